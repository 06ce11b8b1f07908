import { configureIngestBatchRecorder, gatewayIngestBatchRecorder } from '@switchboard/subgraph-kit';
import { startGatewayDouble, type GatewayDouble } from './gateway-double';

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
  private gateway?: GatewayDouble;
  private restore?: () => void;

  async serveAsGateway(serviceToken = 'test-service-token'): Promise<void> {
    const keys = new Set<string>();
    this.gateway = await startGatewayDouble({
      resolve: ({ query, variables, authorization }) => {
        const input = variables.input as Record<string, unknown> | undefined;
        if (this.failing || !query.includes('recordIngestBatch') || !input)
          throw new Error('traffic is down');
        this.received.push({ input, authorization });
        const key = `${String(input.kind)}|${String(input.batchKey)}`;
        const recorded = !keys.has(key);
        keys.add(key);
        return { recordIngestBatch: { recorded } };
      },
    });
    process.env.SWITCHBOARD_SERVICE_TOKEN = serviceToken;
    this.restore = configureIngestBatchRecorder(gatewayIngestBatchRecorder);
  }

  async release(): Promise<void> {
    this.restore?.();
    delete process.env.SWITCHBOARD_SERVICE_TOKEN;
    await this.gateway?.close();
  }
}
