import { randomUUID } from 'node:crypto';
import { postGraphQL } from '@switchboard/testing';

/** Builds kpi test data through the subgraph's own API (the same validation as a user's). */
export class KpiFactory {
  constructor(private readonly url: string) {}

  /** A fresh scope id: staff's and traffic's ids are UUIDs kpi never looks up. */
  scopeId(): string {
    return randomUUID();
  }

  async target(input: {
    kpiCode: string;
    scope: { type: string; id?: string | null };
    target: number;
    amberBand: number;
    validFrom?: string;
    validTo?: string;
  }): Promise<{ id: string }> {
    const response = await postGraphQL<{ setKpiTarget: { id: string } }>(
      this.url,
      'mutation($i: SetKpiTargetInput!) { setKpiTarget(input: $i) { id } }',
      { i: input },
    );
    if (response.errors?.length || !response.data) {
      throw new Error(`factory mutation failed: ${JSON.stringify(response.errors)}`);
    }
    return response.data.setKpiTarget;
  }
}
