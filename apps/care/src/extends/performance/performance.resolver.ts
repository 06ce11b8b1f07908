import {
  performancePart,
  performanceReference,
  PerformanceScopeType,
  type SubgraphContext,
} from '@switchboard/subgraph-kit';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { careNow } from '../../care-services';
import {
  customerPerformance,
  type CustomerPerformance,
  type CustomerPerformanceGroup,
} from './performance-customer.service';
import {
  complaintPerformanceOf,
  type ComplaintPerformanceGroup,
  type ComplaintPerformanceRecord,
} from './performance-complaints.service';
import { CarePerformanceType, PerformanceComplaintsType, PerformanceCustomerType } from './performance.type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => CarePerformanceType)
export class CarePerformanceResolver {
  @FieldResolver(() => PerformanceCustomerType, {
    // nullable: a failure here leaves the other sources' parts of the record standing
    nullable: true,
    description:
      "Follow-up promises and cases of the record's agents (commitments due, cases opened in the period); " +
      'null for a queue, which has no agents of its own, and outside your access scope',
  })
  @Directive('@requires(fields: "agentSet { id agents { employeeNo } }")')
  async customer(
    @Root() performance: CarePerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceCustomerType | null> {
    return performancePart(ctx, performance, async (employeeNos) => {
      // One loader per request: every record of a gateway batch, whatever its period, costs the same two statements.
      const loader = ctx.loaders.get<CustomerPerformanceGroup, CustomerPerformance>(
        'performanceCustomer',
        (groups) => customerPerformance(ctx.em, groups, careNow()),
      );
      const part = await loader.load({ employeeNos, from: performance.from, to: performance.to });
      return Object.assign(new PerformanceCustomerType(), part);
    });
  }

  @FieldResolver(() => PerformanceComplaintsType, {
    nullable: true,
    description:
      "Complaints of the record (COMPLAINTS_PER_10K over traffic's answered contacts of the same record, " +
      'COMPLAINT_TIMELY_RATE, UPHELD_RATE, ESCALATED_TO_COMPLAINT_RATE): a center by its complaints, a team or ' +
      'an agent by its agents; null for a queue (a complaint has no queue) and outside your access scope',
  })
  // the denominator is traffic's own part of the record, passed in by the gateway: the same scope,
  // period and agents as traffic counts them, with no second trip through the gateway
  @Directive('@requires(fields: "agentSet { id agents { employeeNo } } traffic { answered }")')
  async complaints(
    @Root() performance: CarePerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceComplaintsType | null> {
    const answered = performance.traffic?.answered;
    return complaintsPart(ctx, performance, typeof answered === 'number' ? answered : null);
  }

  @FieldResolver(() => PerformanceComplaintsType, {
    nullable: true,
    description:
      "The record's complaints as care alone counts them: `complaints` without traffic's answered contacts " +
      '(complaintsPer10k and answeredContacts are null here; divide `received` by traffic.answered). It waits ' +
      "on no other subgraph's part, so the gateway fetches it beside traffic's (kpi's KPIs read it: one " +
      'round trip less per page than through `complaints`)',
  })
  @Directive('@requires(fields: "agentSet { id agents { employeeNo } }")')
  async complaintTotals(
    @Root() performance: CarePerformanceType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PerformanceComplaintsType | null> {
    return complaintsPart(ctx, performance, null);
  }
}

/** A record's complaints; `answeredContacts` (traffic's) is the denominator of complaints per 10k, or null. */
function complaintsPart(
  ctx: SubgraphContext,
  performance: CarePerformanceType,
  answeredContacts: number | null,
): Promise<PerformanceComplaintsType | null> {
  return performancePart(ctx, performance, async (employeeNos) => {
    const loader = ctx.loaders.get<ComplaintPerformanceGroup, ComplaintPerformanceRecord>(
      'performanceComplaints',
      (groups) => complaintPerformanceOf(ctx.em, groups),
    );
    const isCenter = performance.scopeType === PerformanceScopeType.CENTER;
    // a center id that is no uuid names no center: nothing counts (never a cast error)
    const centerId = isCenter && UUID.test(performance.scopeId) ? performance.scopeId : null;
    const part = await loader.load({
      centerId,
      employeeNos: isCenter ? [] : employeeNos,
      from: performance.from,
      to: performance.to,
      answeredContacts,
    });
    return Object.assign(new PerformanceComplaintsType(), part);
  });
}

/** A Performance representation from the gateway as this subgraph's type (the kit's protocol). */
export const carePerformanceFromReference = performanceReference(CarePerformanceType);
