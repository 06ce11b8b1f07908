import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  private server?: Server;

  set(scopeId: string, from: string, figures: GuardrailFiguresDouble): this {
    this.figures.set(`${scopeId}|${new Date(from).toISOString()}`, figures);
    return this;
  }

  async serveAsGateway(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const parsed = JSON.parse(body) as GraphQLRequest;
        this.requests.push(parsed);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: this.answer(parsed.variables ?? {}) }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    process.env.SWITCHBOARD_GATEWAY_URL = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  async release(): Promise<void> {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
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
