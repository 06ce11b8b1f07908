import { pgArray } from '@switchboard/db';
import { byKeys, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { CustomerPiiAccess } from '../customer/customer.entity';
import { Complaint } from './complaint.entity';

/** Complaints by case id, one query per batch. */
export function complaintByCase(ctx: SubgraphContext): DataLoader<string, Complaint | null> {
  return ctx.loaders.get('complaintByCase', async (ids: readonly string[]) =>
    byKeys(
      ids.map((id) => id.toLowerCase()),
      await ctx.em.find(Complaint, { caseId: { $in: ids.filter(isUuid).map((id) => id.toLowerCase()) } }),
      (row) => row.caseId,
    ),
  );
}

export interface ComplaintRiskRow {
  broken: number;
  flagged: boolean;
  arrivals: Date[];
}

/**
 * What the complaint-risk rule needs of each case, one statement per batch: its broken (or late)
 * commitments as of `now`, whether the escalation ladder flagged one, its inbound contacts.
 */
export function complaintRiskFacts(ctx: SubgraphContext, now: Date): DataLoader<string, ComplaintRiskRow> {
  return ctx.loaders.get('complaintRiskFacts', async (ids: readonly string[]) => {
    const rows = await ctx.em.execute<
      { id: string; broken: string; flagged: boolean; arrivals: Date[] | null }[]
    >(
      `select k.id::text as id,
        (select count(*) from care_commitment m where m.case_id = k.id and (
           (m.fulfilled_at is null and m.due_at + make_interval(mins => m.grace_minutes) <= ?::timestamptz)
           or m.fulfilled_at > m.due_at + make_interval(mins => m.grace_minutes))) as broken,
        exists (select 1 from care_commitment m join care_escalation e on e.commitment_id = m.id
                 where m.case_id = k.id and e.action = 'FLAG_COMPLAINT_RISK') as flagged,
        (select array_agg(cc.arrived_at) from case_contact cc where cc.case_id = k.id and cc.direction = 'INBOUND') as arrivals
       from unnest(?::uuid[]) as k(id)`,
      [now, pgArray(ids.filter(isUuid))],
    );
    const by = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const r = by.get(id.toLowerCase());
      return {
        broken: Number(r?.broken ?? 0),
        flagged: r?.flagged ?? false,
        arrivals: (r?.arrivals ?? []).map((a) => new Date(a)),
      };
    });
  });
}

interface PiiRead {
  field: string;
  customerKey: string;
  operation: string;
}

/** A batch of complaint PII reads becomes one INSERT into care's PII audit log, before the values leave. */
export function complaintPiiAudit(ctx: SubgraphContext): DataLoader<PiiRead, true> {
  return ctx.loaders.get<PiiRead, true>('complaintPiiAudit', async (reads) => {
    await ctx.em.insertMany(
      CustomerPiiAccess,
      reads.map((r) => ({
        subject: ctx.identity.subject,
        roles: ctx.identity.roles,
        field: r.field,
        customerKey: r.customerKey,
        operation: r.operation,
        requestId: ctx.requestId,
      })),
    );
    return reads.map(() => true as const);
  });
}
