import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { configureIngestBatchRecorder, gatewayIngestBatchRecorder } from '@switchboard/subgraph-kit';

/** A recordIngestBatch the double received: its input and the caller's authorization header. */
export interface ReceivedIngestBatch {
  input: Record<string, unknown>;
  authorization: string | undefined;
}

/**
 * Stands in for the gateway (and traffic behind it) where a subgraph's import reports its batch:
 * answers recordIngestBatch over real HTTP, once per (kind, batchKey) as traffic does, or refuses
 * every call (`failing`) to show a report's failure is not the import's. Sends the kit's reports
 * through the gateway path (queryGateway with SWITCHBOARD_SERVICE_TOKEN) while it serves.
 */
export class IngestBatchGatewayDouble {
  readonly received: ReceivedIngestBatch[] = [];
  failing = false;
  private server?: Server;
  private restore?: () => void;

  async serveAsGateway(serviceToken = 'test-service-token'): Promise<void> {
    const keys = new Set<string>();
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        response.setHeader('content-type', 'application/json');
        const parsed = JSON.parse(body) as { query: string; variables?: { input?: Record<string, unknown> } };
        const input = parsed.variables?.input;
        if (this.failing || !parsed.query.includes('recordIngestBatch') || !input) {
          response.end(
            JSON.stringify({ data: null, errors: [{ message: 'traffic is down', extensions: {} }] }),
          );
          return;
        }
        this.received.push({ input, authorization: request.headers.authorization });
        const key = `${String(input.kind)}|${String(input.batchKey)}`;
        const recorded = !keys.has(key);
        keys.add(key);
        response.end(JSON.stringify({ data: { recordIngestBatch: { recorded } } }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    process.env.SWITCHBOARD_GATEWAY_URL = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
    process.env.SWITCHBOARD_SERVICE_TOKEN = serviceToken;
    this.restore = configureIngestBatchRecorder(gatewayIngestBatchRecorder);
  }

  async release(): Promise<void> {
    this.restore?.();
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    delete process.env.SWITCHBOARD_SERVICE_TOKEN;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
