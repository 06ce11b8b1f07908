import { GraphQLError } from 'graphql';

/**
 * Staff's Performance.agentSet as a source @requires it: the record's agents, sent once per distinct
 * set among the records of one fetch (a year by day is 365 records with mostly the same agents).
 * The first record with a set carries `agents`; the others carry its `id` and null.
 */
export interface PerformanceAgentSetRef<A> {
  id: string;
  agents?: A[] | null;
}

/** A representation of Performance with staff's agents, in the new form (agentSet) or the old (agents). */
export interface RecordWithAgentSet<A> {
  agentSet?: PerformanceAgentSetRef<A> | null;
  agents?: A[];
}

/** The sets carried by a request's representations, by id (the same id, the same agents). */
const carried = new WeakMap<object, Map<string, unknown[]>>();

/**
 * From Performance's __resolveReference: keeps the agents a representation carries for the request.
 * The subgraph library resolves every representation of an `_entities` call before any of their
 * fields, so a record whose set another record carried finds it (resolveAgentSet).
 */
export function rememberAgentSet(ctx: object, reference: RecordWithAgentSet<unknown>): void {
  const set = reference.agentSet;
  if (!set?.agents) return;
  let sets = carried.get(ctx);
  if (!sets) {
    sets = new Map();
    carried.set(ctx, sets);
  }
  sets.set(set.id, set.agents);
}

/**
 * The record's agents: those it carries or those of its set carried by another record of the
 * request; `agents` as sent in the old form when there is no set. Also sets `record.agents`.
 */
export function resolveAgentSet<A>(ctx: object, record: RecordWithAgentSet<A>): A[] | undefined {
  const set = record.agentSet;
  if (!set) return record.agents;
  const agents = set.agents ?? (carried.get(ctx)?.get(set.id) as A[] | undefined) ?? undefined;
  if (!agents)
    throw new GraphQLError(
      `the agents of set ${set.id} were not sent with this request's records (staff's Performance.agentSet)`,
    );
  record.agents = agents;
  return agents;
}
