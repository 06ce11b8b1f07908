import { startGatewayDouble, type GatewayDouble } from '@switchboard/testing';

interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** What the gateway would answer for one scope and period: traffic's, qa's, care's and staff's parts. */
export interface GuardrailFiguresDouble {
  ancestors?: { type: string; id: string }[];
  conversionRate: number | null;
  answered?: number;
  complaintsPer10k: number | null;
  criticalFailRate?: number | null;
  evaluations?: number;
}

/**
 * Stands in for the gateway in kpi's guardrail tests (an app may not start another app): answers
 * `performance` for the current and previous period (aliases `current` and `previous`) from the
 * figures the test put in per (scope id, from), over real HTTP, and keeps every request so a test
 * can check the guardrail asked once. The real gateway answers the same query in the e2e tests.
 */
export class GuardrailGatewayDouble {
  readonly requests: GraphQLRequest[] = [];
  private readonly figures = new Map<string, GuardrailFiguresDouble>();
  private gateway?: GatewayDouble;

  set(scopeId: string, from: string, figures: GuardrailFiguresDouble): this {
    this.figures.set(`${scopeId}|${new Date(from).toISOString()}`, figures);
    return this;
  }

  async serveAsGateway(): Promise<void> {
    this.gateway = await startGatewayDouble({
      resolve: (request) => {
        this.requests.push(request);
        return this.answer(request.variables);
      },
    });
  }

  async release(): Promise<void> {
    await this.gateway?.close();
  }

  private answer(variables: Record<string, unknown>): Record<string, unknown> {
    const scope = variables.scope as { id: string };
    const record = (from: unknown) => {
      const f = this.figures.get(`${scope.id}|${String(from)}`);
      if (!f) return { ancestors: [], traffic: null, qa: null, complaints: null };
      return {
        ancestors: f.ancestors ?? [],
        traffic: { conversionRate: f.conversionRate, answered: f.answered ?? 0 },
        qa: { criticalFailRate: f.criticalFailRate ?? null, evaluations: f.evaluations ?? 0 },
        complaints: { complaintsPer10k: f.complaintsPer10k },
      };
    };
    return { current: record(variables.from), previous: record(variables.previousFrom) };
  }
}
