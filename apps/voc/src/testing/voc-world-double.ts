import { randomBytes, randomUUID } from 'node:crypto';
import { startGatewayDouble, type GatewayDouble } from '@switchboard/testing';
import type { ContactKey } from '../references/voc-references';

interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

interface TeamPeriod {
  validFrom: string;
  validTo: string | null;
  team: { id: string };
}

interface WorldContact extends ContactKey {
  agent: string | null;
  queueCode: string | null;
  arrivedAt: string;
  endedAt: string;
}

/**
 * Stands in for the gateway in voc's integration tests (an app may not start another app): traffic's
 * `contactsByKeys`, answered over real HTTP from what the test put in, every request kept so a test
 * can check that an import asked in one batch.
 */
export class VocWorldDouble {
  readonly contacts = new Map<string, WorldContact>();
  readonly requests: GraphQLRequest[] = [];
  /** care's service recoveries: commitment id by response key, and every ask received. */
  readonly recoveries = new Map<string, string>();
  readonly recoveryAsks: Record<string, unknown>[] = [];
  /** The import batches voc reported to traffic (recordIngestBatch inputs). */
  readonly ingestBatches: Array<Record<string, unknown> & { kind: string; batchKey: string }> = [];
  /** staff's team history of each agent (employee number → periods, validTo exclusive). */
  readonly teamHistory = new Map<string, TeamPeriod[]>();
  /** Traffic's repeat flag of a contact (absent: false), as `repeatedWithin` answers it. */
  readonly repeated = new Map<string, boolean | null>();
  private gateway?: GatewayDouble;

  /** A new contact in traffic handled by `agent` in `queueCode`, [arrivedAt, endedAt]; returns its key. */
  contact(agent: string | null, queueCode: string | null, arrivedAt: string, endedAt: string): ContactKey {
    const key = { source: 'pbx', externalId: `call-${randomBytes(5).toString('hex')}` };
    this.contacts.set(JSON.stringify([key.source, key.externalId]), {
      ...key,
      agent,
      queueCode,
      arrivedAt,
      endedAt,
    });
    return key;
  }

  /** Traffic says the contact's customer came back within the window (null: it cannot say). */
  repeats(key: ContactKey, repeated: boolean | null = true): this {
    this.repeated.set(JSON.stringify([key.source, key.externalId]), repeated);
    return this;
  }

  /** `agent` belongs to `teamId` from `validFrom` until `validTo` (exclusive; null: still). */
  memberOf(agent: string, teamId: string, validFrom: string, validTo: string | null = null): this {
    this.teamHistory.set(agent, [
      ...(this.teamHistory.get(agent) ?? []),
      { validFrom, validTo, team: { id: teamId } },
    ]);
    return this;
  }

  /** Starts the double as the gateway voc asks (SWITCHBOARD_GATEWAY_URL), until `release`. */
  async serveAsGateway(): Promise<void> {
    this.gateway = await startGatewayDouble({
      resolve: (request) => {
        this.requests.push(request);
        return this.answer(request);
      },
    });
  }

  async release(): Promise<void> {
    await this.gateway?.close();
  }

  private answer({ query, variables = {} }: GraphQLRequest): Record<string, unknown> {
    if (query.includes('openServiceRecovery')) {
      // care's service recovery: one commitment per response key, as care keeps it
      const input = variables.input as { responseKey: string };
      this.recoveryAsks.push(variables.input as Record<string, unknown>);
      const id = this.recoveries.get(input.responseKey) ?? randomUUID();
      this.recoveries.set(input.responseKey, id);
      return { openServiceRecovery: { id } };
    }
    if (query.includes('recordIngestBatch')) {
      // traffic's data timeliness (a survey import's batch): kept once per key, as traffic does
      const input = variables.input as { kind: string; batchKey: string };
      const recorded = !this.ingestBatches.some(
        (b) => b.kind === input.kind && b.batchKey === input.batchKey,
      );
      if (recorded) this.ingestBatches.push(input);
      return { recordIngestBatch: { recorded } };
    }
    if (query.includes('repeatedWithin')) {
      const keys = variables.k as ContactKey[];
      return {
        contactsByKeys: keys.map((k) => {
          const id = JSON.stringify([k.source, k.externalId]);
          return this.contacts.has(id)
            ? { ...k, repeatedWithin: this.repeated.has(id) ? this.repeated.get(id) : false }
            : null;
        }),
      };
    }
    if (query.includes('contactsByKeys')) {
      const keys = variables.k as ContactKey[];
      return {
        contactsByKeys: keys.map((k) => {
          const c = this.contacts.get(JSON.stringify([k.source, k.externalId]));
          return c
            ? {
                source: c.source,
                externalId: c.externalId,
                queueCode: c.queueCode,
                arrivedAt: c.arrivedAt,
                endedAt: c.endedAt,
                agent: c.agent
                  ? { employeeNo: c.agent, teamHistory: this.teamHistory.get(c.agent) ?? [] }
                  : null,
              }
            : null;
        }),
      };
    }
    throw new Error(`the voc world double does not answer ${query}`);
  }
}
