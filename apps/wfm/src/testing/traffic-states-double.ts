import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Span {
  start: string;
  end: string;
  state: string;
}

/**
 * Stands in for the gateway in wfm's integration tests (an app may not start another app): staff's
 * `agentsByEmployeeNo` with traffic's `stateSpans(from, to)`, clipped as traffic clips them, from what
 * the test put in. The real gateway, staff and traffic answer the same query in tools/e2e
 * (wfm.e2e-spec.ts).
 */
export class TrafficStatesDouble {
  readonly spans = new Map<string, Span[]>();
  /** Every request's variables, to check that wfm asked in batches. */
  readonly requests: Record<string, unknown>[] = [];
  private server?: Server;

  states(employeeNo: string, spans: Span[]): this {
    this.spans.set(employeeNo, spans);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const { variables } = JSON.parse(body) as { variables: { n: string[]; f: string; t: string } };
        this.requests.push(variables);
        const from = Date.parse(variables.f);
        const to = Date.parse(variables.t);
        const agentsByEmployeeNo = variables.n.map((employeeNo) => ({
          employeeNo,
          stateSpans: (this.spans.get(employeeNo) ?? [])
            .map((s) => ({
              start: new Date(Math.max(Date.parse(s.start), from)).toISOString(),
              end: new Date(Math.min(Date.parse(s.end), to)).toISOString(),
              state: s.state,
            }))
            .filter((s) => s.end > s.start),
        }));
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { agentsByEmployeeNo } }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
