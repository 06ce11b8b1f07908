import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode = 'ok' | 'slow' | 'error';

/**
 * Stands between the gateway and one real subgraph: forwards every request as it is, or stops
 * listening (the subgraph is down), waits `slowMs` first (past the gateway's timeout, say), or
 * answers HTTP 500; and counts the requests it receives.
 */
export class FaultProxy {
  mode: FaultMode = 'ok';
  /** Requests received so far (whatever the mode). */
  requests = 0;
  private server: Server | null = null;
  port = 0;

  constructor(
    private readonly target: URL,
    /** How long a request waits in 'slow' mode before it is forwarded. */
    public slowMs = 0,
  ) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((incoming, outgoing) => {
      void (async () => {
        this.requests += 1;
        if (this.mode === 'slow') await new Promise((wait) => setTimeout(wait, this.slowMs));
        if (this.mode === 'error') {
          incoming.resume();
          outgoing.writeHead(500).end('boom');
          return;
        }
        const forward = httpRequest(
          {
            host: this.target.hostname,
            port: this.target.port,
            path: incoming.url,
            method: incoming.method,
            headers: incoming.headers,
          },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        forward.on('error', () => outgoing.destroy());
        incoming.pipe(forward);
      })();
    });
    await new Promise<void>((done) => this.server?.listen(port, '127.0.0.1', done));
    this.port = (this.server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}
