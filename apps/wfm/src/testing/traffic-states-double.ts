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
  /** Care's business calendars' exception days by center id (`businessCalendar`, aliased per center). */
  readonly calendars = new Map<string, Record<string, unknown>[]>();
  /** Every request's variables, to check that wfm asked in batches. */
  readonly requests: Record<string, unknown>[] = [];
  private server?: Server;

  calendar(centerId: string, exceptions: Record<string, unknown>[]): this {
    this.calendars.set(centerId, exceptions);
    return this;
  }

  states(employeeNo: string, spans: Span[]): this {
    this.spans.set(employeeNo, spans);
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const { query, variables } = JSON.parse(body) as {
          query: string;
          variables: { n: string[]; f: string; t: string };
        };
        this.requests.push(variables);
        response.setHeader('content-type', 'application/json');
        if (query.includes('businessCalendar')) {
          const data = Object.fromEntries(
            Object.entries(variables as unknown as Record<string, string>).map(([alias, centerId]) => {
              const exceptions = this.calendars.get(centerId);
              return [alias, exceptions ? { centerId, exceptions } : null];
            }),
          );
          response.end(JSON.stringify({ data }));
          return;
        }
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
