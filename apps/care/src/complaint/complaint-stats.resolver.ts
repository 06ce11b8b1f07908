import { forbidden } from '@switchboard/auth';
import { complaintsPer10k, escalatedToComplaintRate, sumComplaintTotals } from '@switchboard/metrics';
import { checkPeriod, queryGateway, type SubgraphContext } from '@switchboard/subgraph-kit';
import { IsOptional, IsUUID } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Query, registerEnumType, Resolver } from 'type-graphql';
import { complaintCenters, readsComplaints, visibleComplaintsSql } from '../access/complaint-access';
import { careNow } from '../care-services';
import {
  casesOpenedAndEscalated,
  COMPLAINT_DIMENSIONS,
  complaintStats,
  type ComplaintDimension,
} from './complaint-stats';
import { ComplaintKpisType, ComplaintStatsRowType } from './complaint.type';

export const ComplaintDimensionEnum = Object.fromEntries(COMPLAINT_DIMENSIONS.map((d) => [d, d]));
registerEnumType(ComplaintDimensionEnum, {
  name: 'ComplaintDimension',
  description:
    'CHANNEL_AXIS, BUSINESS_AXIS, REASON_AXIS (JR/T 0169-2018), PRODUCT, CENTER, TEAM (the case owner team), AGENT (complained about)',
});

@ArgsType()
class ComplaintPeriodArgs {
  @Field(() => Date, { description: 'Inclusive' }) from!: Date;
  @Field(() => Date, { description: 'Exclusive' }) to!: Date;
  @Field(() => [ID], { nullable: true, description: "staff's Center ids (default: every center you see)" })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'must be center ids' })
  centerIds?: string[] | null;
}

@ArgsType()
class ComplaintStatsArgs extends ComplaintPeriodArgs {
  @Field(() => [ComplaintDimensionEnum], { nullable: true, description: 'No grouping: one total row' })
  groupBy?: ComplaintDimension[] | null;
}

const ANSWERED = `query CareAnsweredContacts($filter: StatsFilter!) {
  trafficStats(filter: $filter, granularity: TOTAL) { answered } }`;

/** The caller's centers, narrowed to those asked (null: every center). */
async function centersFor(ctx: SubgraphContext, asked: readonly string[] | null | undefined, action: string) {
  if (!readsComplaints(ctx))
    throw forbidden(`${action} needs one of the roles CASE_HANDLER, CENTER_MANAGER, ADMIN`);
  const mine = complaintCenters(ctx, await ctx.scope());
  const wanted = asked?.map((c) => c.toLowerCase()) ?? null;
  if (!wanted) return mine;
  return mine ? wanted.filter((c) => mine.includes(c)) : wanted;
}

@Resolver()
export class ComplaintStatsResolver {
  @Query(() => [ComplaintStatsRowType], {
    description:
      'Complaint counts and rates per group, for complaints received or closed in [from, to) (scoped)',
  })
  async complaintStats(
    @Args(() => ComplaintStatsArgs) args: ComplaintStatsArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    checkPeriod(args.from, args.to);
    const centerIds = await centersFor(ctx, args.centerIds, 'complaintStats');
    const now = careNow();
    return complaintStats(ctx.em, {
      from: args.from,
      to: args.to,
      end: new Date(Math.min(args.to.getTime(), now.getTime())),
      groupBy: args.groupBy ?? [],
      visible: visibleComplaintsSql(ctx, await ctx.scope(), 'x'),
      centerIds,
    });
  }

  @Query(() => ComplaintKpisType, {
    description:
      "COMPLAINTS_PER_10K (traffic's answered contacts), COMPLAINT_TIMELY_RATE, UPHELD_RATE, ESCALATED_TO_COMPLAINT_RATE; from and to on 15-minute boundaries",
  })
  async complaintKpis(
    @Args(() => ComplaintPeriodArgs) args: ComplaintPeriodArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    checkPeriod(args.from, args.to, { alignMinutes: 15 });
    const centerIds = await centersFor(ctx, args.centerIds, 'complaintKpis');
    const now = careNow();
    const empty = centerIds !== null && centerIds.length === 0;
    const [rows, cases, traffic] = await Promise.all([
      complaintStats(ctx.em, {
        from: args.from,
        to: args.to,
        end: new Date(Math.min(args.to.getTime(), now.getTime())),
        groupBy: [],
        visible: visibleComplaintsSql(ctx, await ctx.scope(), 'x'),
        centerIds,
      }),
      casesOpenedAndEscalated(ctx.em, args.from, args.to, centerIds),
      empty
        ? Promise.resolve({ trafficStats: [] as { answered: number }[] })
        : queryGateway<{ trafficStats: { answered: number }[] }>(
            ANSWERED,
            {
              filter: {
                from: args.from.toISOString(),
                to: args.to.toISOString(),
                ...(centerIds ? { centerIds } : {}),
              },
            },
            { purpose: 'complaints per 10k contacts' },
          ),
    ]);
    const totals = sumComplaintTotals(rows);
    const answered = traffic.trafficStats.reduce((sum, r) => sum + r.answered, 0);
    return {
      received: totals.received,
      answeredContacts: answered,
      casesOpened: cases.opened,
      escalatedCases: cases.escalated,
      complaintsPer10k: complaintsPer10k(totals.received, answered),
      complaintTimelyRate: rows.length ? (rows[0].complaintTimelyRate as number | null) : null,
      upheldRate: rows.length ? (rows[0].upheldRate as number | null) : null,
      escalatedToComplaintRate: escalatedToComplaintRate(cases.escalated, cases.opened),
    };
  }
}
