import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Case, CaseContact, CaseEvent } from './case.entity';

/** Cases by id, one query per batch (reference resolvers and lookups). */
export function caseById(ctx: SubgraphContext): DataLoader<string, Case | null> {
  return ctx.loaders.get('caseById', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(Case, { id: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) } }),
      (row) => row.id,
    ),
  );
}

function grouped<T>(ids: readonly string[], rows: T[], key: (row: T) => string): T[][] {
  const by = new Map<string, T[]>();
  for (const row of rows) by.set(key(row), [...(by.get(key(row)) ?? []), row]);
  return ids.map((id) => by.get(id) ?? []);
}

/** The contacts linked to each case, oldest first: one query per batch of cases. */
export function contactsOfCase(ctx: SubgraphContext): DataLoader<string, CaseContact[]> {
  return ctx.loaders.get('contactsOfCase', async (ids: readonly string[]) =>
    grouped(
      ids,
      await ctx.em.find(CaseContact, { caseId: { $in: [...ids] } }, { orderBy: { arrivedAt: 'asc' } }),
      (row) => row.caseId,
    ),
  );
}

/** Each case's events in order: one query per batch of cases. */
export function eventsOfCase(ctx: SubgraphContext): DataLoader<string, CaseEvent[]> {
  return ctx.loaders.get('eventsOfCase', async (ids: readonly string[]) =>
    grouped(
      ids,
      await ctx.em.find(CaseEvent, { caseId: { $in: [...ids] } }, { orderBy: { caseId: 'asc', seq: 'asc' } }),
      (row) => row.caseId,
    ),
  );
}

/** A case the caller sees, or null (unknown and invisible alike). */
export async function visibleCase(
  ctx: SubgraphContext,
  id: string,
  sees: (row: Case, linkedAgents: (string | null)[]) => boolean,
): Promise<Case | null> {
  const row = isUuid(id) ? await caseById(ctx).load(id) : null;
  if (!row) return null;
  const linked = await contactsOfCase(ctx).load(row.id);
  return sees(
    row,
    linked.map((c) => c.agentNo),
  )
    ? row
    : null;
}
