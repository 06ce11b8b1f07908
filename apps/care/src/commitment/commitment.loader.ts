import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { CommitmentEvent } from './commitment-event.entity';
import { Commitment } from './commitment.entity';
import { CommitmentEventType } from './commitment.type';

/** Commitments by id, one query per batch (reference resolvers and lookups). */
export function commitmentById(ctx: SubgraphContext): DataLoader<string, Commitment | null> {
  return ctx.loaders.get('commitmentById', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(Commitment, { id: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) } }),
      (row) => row.id,
    ),
  );
}

/** Each commitment's log, oldest first: one query per batch. */
export function commitmentEvents(ctx: SubgraphContext): DataLoader<string, CommitmentEventType[]> {
  return ctx.loaders.get('commitmentEvents', async (ids: readonly string[]) => {
    const rows = await ctx.em.find(
      CommitmentEvent,
      { commitmentId: { $in: [...ids] } },
      { orderBy: { at: 'asc', id: 'asc' } },
    );
    const byId = new Map<string, CommitmentEventType[]>(ids.map((id) => [id, []]));
    for (const r of rows) {
      byId.get(r.commitmentId)?.push(
        Object.assign(new CommitmentEventType(), {
          kind: r.kind,
          at: r.at,
          actor: r.actor,
          fromOwner: r.fromOwner,
          toOwner: r.toOwner,
          fromTeamId: r.fromTeamId,
          toTeamId: r.toTeamId,
          reason: r.reason,
        }),
      );
    }
    return ids.map((id) => byId.get(id) ?? []);
  });
}
