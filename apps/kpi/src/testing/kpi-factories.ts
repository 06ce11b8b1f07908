import { randomUUID } from 'node:crypto';
import { KnownReferences, postGraphQL } from '@switchboard/testing';

/**
 * The centers, teams and queues staff and traffic hold, for kpi's tests (kpi asks them through the
 * gateway before it writes a target): start the subgraph with `referenceSource: knownScopes.source`.
 */
export const knownScopes = new KnownReferences();

/** Builds kpi test data through the subgraph's own API (the same validation as a user's). */
export class KpiFactory {
  constructor(private readonly url: string) {}

  /** A fresh scope id, known to the stand-in staff and traffic as a center, a team and a queue. */
  scopeId(): string {
    const id = randomUUID();
    knownScopes.add('center', id).add('team', id).add('queue', id);
    return id;
  }

  async target(input: {
    kpiCode: string;
    scope: { type: string; id?: string | null };
    segment?: string;
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
