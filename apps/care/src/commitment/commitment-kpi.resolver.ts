import {
  commitmentKpis,
  commitmentTotals,
  sumCommitmentTotals,
  type CommitmentRecord,
} from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import { checkPeriod, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { careNow } from '../care-services';
import { EscalationRow } from '../escalation/escalation.entity';
import { Commitment } from './commitment.entity';

export enum CommitmentGrouping {
  AGENT = 'AGENT',
  TEAM = 'TEAM',
  CENTER = 'CENTER',
}
registerEnumType(CommitmentGrouping, { name: 'CommitmentGrouping' });

@ObjectType('CommitmentKpiRow', {
  description: "One agent's, team's or center's commitments in a period (METRICS.md)",
})
export class CommitmentKpiRow {
  @Field(() => CommitmentGrouping) groupBy!: CommitmentGrouping;
  @Field(() => String, { description: 'Employee number, team id or center id' }) key!: string;
  @Field(() => Int, { description: 'Due in the period (and reached)' }) due!: number;
  @Field(() => Int) fulfilled!: number;
  @Field(() => Int) fulfilledLate!: number;
  @Field(() => Int) broken!: number;
  @Field(() => Int) escalatedAfterDue!: number;
  @Field(() => Float, { nullable: true, description: 'PROMISE_KEPT_RATE' }) promiseKeptRate!: number | null;
  @Field(() => Int, { description: 'OVERDUE_COMMITMENTS' }) overdueCommitments!: number;
  @Field(() => Float, { nullable: true, description: 'ESCALATION_RATE' }) escalationRate!: number | null;
}

@Resolver()
export class CommitmentKpiResolver {
  @Query(() => [CommitmentKpiRow], {
    description:
      'Commitment KPIs per agent, team or center for a period (due in [from, to)), statuses as of now; ' +
      "over the commitments you see. Teams' and centers' rows are the sums of their agents' counts.",
  })
  async commitmentKpis(
    @Arg('groupBy', () => CommitmentGrouping) groupBy: CommitmentGrouping,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitmentKpiRow[]> {
    checkPeriod(from, to);
    if (centerId != null && !isUuid(centerId))
      throw badUserInput({ field: 'centerId', message: 'must be a center id' });
    const now = careNow();
    const snapshot = new Date(Math.min(to.getTime(), now.getTime()));
    const scope = await ctx.scope();
    const visible = scope.all
      ? {}
      : {
          $or: [
            { ownerEmployeeNo: { $in: scope.employeeNos ?? [] } },
            { teamId: { $in: scope.teamIds ?? [] } },
            { centerId: { $in: scope.centerIds ?? [] } },
          ],
        };
    // due in the period, or due before it and still unkept at its end (OVERDUE_COMMITMENTS)
    const rows = await ctx.em.find(Commitment, {
      $and: [
        visible,
        ...(centerId ? [{ centerId: centerId.toLowerCase() }] : []),
        { dueAt: { $lt: to } },
        { $or: [{ dueAt: { $gte: from } }, { fulfilledAt: null }, { fulfilledAt: { $gt: snapshot } }] },
      ],
    });
    const escalations = rows.length
      ? await ctx.em.find(EscalationRow, { commitmentId: { $in: rows.map((r) => r.id) } })
      : [];
    const firedOf = new Map<string, Array<{ level: number; at: Date }>>();
    for (const e of escalations) {
      const list = firedOf.get(e.commitmentId) ?? [];
      list.push({ level: e.level, at: e.firedAt });
      firedOf.set(e.commitmentId, list);
    }
    const byAgent = new Map<string, { team: string; center: string; records: CommitmentRecord[] }>();
    for (const r of rows) {
      const agent = byAgent.get(r.ownerEmployeeNo) ?? {
        team: r.teamId ?? '',
        center: r.centerId,
        records: [],
      };
      agent.records.push({
        dueAt: r.dueAt,
        graceMinutes: r.graceMinutes,
        fulfilledAt: r.fulfilledAt,
        escalations: firedOf.get(r.id) ?? [],
      });
      byAgent.set(r.ownerEmployeeNo, agent);
    }
    const period = { from, to };
    const perAgent = [...byAgent].map(([no, a]) => ({
      no,
      ...a,
      totals: commitmentTotals(a.records, period, now),
    }));
    const groups = new Map<string, typeof perAgent>();
    for (const a of perAgent) {
      const key = groupBy === 'AGENT' ? a.no : groupBy === 'TEAM' ? a.team : a.center;
      groups.set(key, [...(groups.get(key) ?? []), a]);
    }
    return [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, members]) => {
        const t = sumCommitmentTotals(members.map((m) => m.totals));
        const k = commitmentKpis(t);
        return Object.assign(new CommitmentKpiRow(), {
          groupBy,
          key,
          due: t.due,
          fulfilled: t.fulfilled,
          fulfilledLate: t.fulfilledLate,
          broken: t.broken,
          escalatedAfterDue: t.escalatedAfterDue,
          promiseKeptRate: k.promiseKeptRate,
          overdueCommitments: k.overdueCommitments,
          escalationRate: k.escalationRate,
        });
      });
  }
}
