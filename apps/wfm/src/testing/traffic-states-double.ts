import { packStateSpans, type AgentState } from '@switchboard/contracts';
import { startGatewayDouble, type GatewayDouble, type GatewayDoubleRequest } from '@switchboard/testing';

interface Span {
  start: string;
  end: string;
  state: string;
}

/**
 * Stands in for the gateway in wfm's integration tests (an app may not start another app): staff's
 * `agentsByEmployeeNo` with traffic's `stateSpansPacked(from, to)`, clipped as traffic clips them, from what
 * the test put in. The real gateway, staff and traffic answer the same query in tools/e2e
 * (wfm.e2e-spec.ts).
 */
export class TrafficStatesDouble {
  readonly spans = new Map<string, Span[]>();
  /** Care's business calendars' exception days by center id (`businessCalendar`, aliased per center). */
  readonly calendars = new Map<string, Record<string, unknown>[]>();
  /** Every request's variables, to check that wfm asked in batches. */
  readonly requests: Record<string, unknown>[] = [];
  /** While set, questions of agent states wait for it (to hold two requests in flight at once). */
  hold?: Promise<void>;
  private gateway?: GatewayDouble;

  calendar(centerId: string, exceptions: Record<string, unknown>[]): this {
    this.calendars.set(centerId, exceptions);
    return this;
  }

  states(employeeNo: string, spans: Span[]): this {
    this.spans.set(employeeNo, spans);
    return this;
  }

  async start(): Promise<string> {
    this.gateway = await startGatewayDouble({ asGateway: false, resolve: (request) => this.answer(request) });
    return this.gateway.url;
  }

  async stop(): Promise<void> {
    await this.gateway?.close();
  }

  private async answer({ query, variables }: GatewayDoubleRequest): Promise<unknown> {
    this.requests.push(variables);
    if (!query.includes('businessCalendar')) await this.hold;
    if (query.includes('businessCalendar')) {
      return Object.fromEntries(
        Object.entries(variables as Record<string, string>).map(([alias, centerId]) => {
          const exceptions = this.calendars.get(centerId);
          return [alias, exceptions ? { centerId, exceptions } : null];
        }),
      );
    }
    const { n, f, t } = variables as { n: string[]; f: string; t: string };
    const from = Date.parse(f);
    const to = Date.parse(t);
    const agentsByEmployeeNo = n.map((employeeNo) => ({
      employeeNo,
      stateSpansPacked: packStateSpans(
        from,
        (this.spans.get(employeeNo) ?? [])
          .map((s) => ({
            start: Math.max(Date.parse(s.start), from),
            end: Math.min(Date.parse(s.end), to),
            state: s.state as AgentState,
          }))
          .filter((s) => s.end > s.start),
      ),
    }));
    return { agentsByEmployeeNo };
  }
}
