import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { pgArray } from '@switchboard/db';
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

/** What the escalation ladder did to a commitment, from the sweeper's (commitment, level) records. */
export interface CommitmentLadder {
  /** The highest level fired, null where none fired */
  level: number | null;
  reassignedToTeam: boolean;
  complaintRisk: boolean;
  priorityRaised: boolean;
}

const NO_LADDER: CommitmentLadder = {
  level: null,
  reassignedToTeam: false,
  complaintRisk: false,
  priorityRaised: false,
};

/**
 * Each commitment's ladder so far, one query per batch (the records' unique index on (commitment,
 * level) answers it): the sweeper writes those records and its outbox, never the wide commitment row.
 */
export function commitmentLadder(ctx: SubgraphContext): DataLoader<string, CommitmentLadder> {
  return ctx.loaders.get('commitmentLadder', async (ids: readonly string[]) => {
    const rows = (await ctx.em.execute(
      `select commitment_id, max(level)::int as level,
              bool_or(action = 'REASSIGN_TO_TEAM') as reassigned,
              bool_or(action = 'FLAG_COMPLAINT_RISK') as risk,
              bool_or(action = 'RAISE_PRIORITY') as raised
         from care_escalation where commitment_id = any(?::uuid[]) group by commitment_id`,
      [pgArray(ids.filter(isUuid).map((id) => id.toLowerCase()))],
    )) as Array<{
      commitment_id: string;
      level: number;
      reassigned: boolean;
      risk: boolean;
      raised: boolean;
    }>;
    const byId = new Map(
      rows.map((r): [string, CommitmentLadder] => [
        r.commitment_id,
        { level: r.level, reassignedToTeam: r.reassigned, complaintRisk: r.risk, priorityRaised: r.raised },
      ]),
    );
    return ids.map((id) => byId.get(id.toLowerCase()) ?? NO_LADDER);
  });
}
