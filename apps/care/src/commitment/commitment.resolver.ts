import { forbidden, outsideScope, requireRole } from '@switchboard/auth';
import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { badUserInput } from '@switchboard/server';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { seesCommitment } from '../access/care-access';
import { reassignTarget, requireReassigner } from '../access/reassign-access';
import { careNow } from '../care-services';
import { normalizeCustomerKey, storedKeyForms } from '../customer/customer-key';
import { isRecoveryClientKey } from '../service-recovery/service-recovery.service';
import { Commitment } from './commitment.entity';
import { commitmentById, commitmentLadder, commitmentEvents } from './commitment.loader';
import { FulfilCommitmentInput, MakeCommitmentInput, ReassignCommitmentInput } from './commitment.input';
import { toCommitmentType } from './commitment.mapper';
import { CommitmentService } from './commitment.service';
import { CommitmentEventType, CommitmentType } from './commitment.type';

@Resolver(() => CommitmentType)
export class CommitmentResolver {
  @Query(() => CommitmentType, {
    nullable: true,
    description: 'One commitment; null if unknown or not visible to you',
  })
  async commitment(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitmentType | null> {
    const row = isUuid(id) ? await commitmentById(ctx).load(id) : null;
    return row && seesCommitment(await ctx.scope(), row) ? toCommitmentType(row, careNow()) : null;
  }

  @Query(() => [CommitmentType], {
    description:
      "Commitments you see (your own; your team's; your centers'), soonest due first; optionally of one customer",
  })
  async commitments(
    @Arg('customerKey', () => String, {
      nullable: true,
      description: "A customer's key (normalized like customer(key)): only their commitments",
    })
    customerKey: string | null,
    @Arg('ownerEmployeeNo', () => String, { nullable: true }) ownerEmployeeNo: string | null,
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('openOnly', () => Boolean, { defaultValue: false }) openOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitmentType[]> {
    checkPageSize(first);
    if (centerId != null && !isUuid(centerId)) return [];
    const customer = customerKey == null ? null : normalizeCustomerKey(customerKey);
    if (customerKey != null && !customer) return [];
    const scope = await ctx.scope();
    const rows = await new CommitmentService(ctx.em).list({
      visible: {
        all: scope.all,
        employeeNos: scope.employeeNos ?? [],
        teamIds: scope.teamIds ?? [],
        centerIds: scope.centerIds ?? [],
      },
      ownerEmployeeNo,
      customerKeys: customer ? storedKeyForms(customer) : null,
      centerId,
      openOnly,
      first,
    });
    const now = careNow();
    return rows.map((r) => toCommitmentType(r, now));
  }

  @Mutation(() => CommitmentType, {
    description:
      'Promises a follow-up on a contact: you (your employee number) are the promiser. ' +
      'The same clientKey again returns the first commitment.',
  })
  async makeCommitment(
    @Arg('input', () => MakeCommitmentInput) input: MakeCommitmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitmentType> {
    const owner = ctx.identity.employeeNo;
    if (!owner)
      throw forbidden('makeCommitment: only an agent (a token with an employee number) makes a promise');
    // a service recovery's key would show the promise on the timeline as a survey answer's
    if (isRecoveryClientKey(input.clientKey))
      throw badUserInput({
        field: 'input.clientKey',
        message: 'service-recovery: keys are reserved for service recovery',
      });
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    const row = await new CommitmentService(ctx.em).make(input, owner, ctx.identity.subject);
    return toCommitmentType(row, careNow());
  }

  @Mutation(() => CommitmentType, { description: 'Marks a commitment kept, by hand, with evidence' })
  async fulfilCommitment(
    @Arg('input', () => FulfilCommitmentInput) input: FulfilCommitmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitmentType> {
    // the people of the promise (owner, lead, manager) and case handlers; not HR, BI, QA, trainers
    requireRole(
      ctx.identity,
      ['AGENT', 'TEAM_LEAD', 'CENTER_MANAGER', 'CASE_HANDLER', 'ADMIN'],
      'fulfilCommitment',
    );
    const scope = await ctx.scope();
    const row = isUuid(input.id) ? await ctx.em.findOne(Commitment, { id: input.id.toLowerCase() }) : null;
    // missing or outside the scope: refused alike to a restricted caller (no existence leak); one who
    // sees everything is told the id names nothing, as reassignCommitment does
    if (!row && scope.all) throw badUserInput({ field: 'input.id', message: `no commitment "${input.id}"` });
    if (!row || !seesCommitment(scope, row)) throw outsideScope('fulfilCommitment');
    const kept = await new CommitmentService(ctx.em).fulfil(row, input, ctx.identity.subject);
    return toCommitmentType(kept, careNow());
  }

  @Mutation(() => CommitmentType, {
    description:
      "Gives a follow-up to another agent: a team lead within their team, a center manager within their center, CASE_HANDLER within theirs, ADMIN anywhere; the new owner must work in the commitment's center. An event on the commitment's log.",
  })
  async reassignCommitment(
    @Arg('input', () => ReassignCommitmentInput) input: ReassignCommitmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitmentType> {
    requireReassigner(ctx, 'reassignCommitment');
    const scope = await ctx.scope();
    const row = isUuid(input.id) ? await ctx.em.findOne(Commitment, { id: input.id.toLowerCase() }) : null;
    // missing or outside the scope: refused alike to a restricted caller (no existence leak)
    if (!row && scope.all) throw badUserInput({ field: 'input.id', message: `no commitment "${input.id}"` });
    if (!row || !seesCommitment(scope, row)) throw outsideScope('reassignCommitment');
    // the new owner through the gateway (staff), before anything is written
    const target = await reassignTarget(
      scope,
      input.ownerEmployeeNo,
      'input.ownerEmployeeNo',
      'reassignCommitment',
    );
    const moved = await new CommitmentService(ctx.em).reassign(
      row,
      target,
      { expectedVersion: input.expectedVersion, reason: input.reason ?? null },
      ctx.identity.subject,
    );
    return toCommitmentType(moved, careNow());
  }

  @FieldResolver(() => [CommitmentEventType], {
    description: 'Changes made to it since it was made, oldest first',
  })
  events(@Root() c: CommitmentType, @Ctx() ctx: SubgraphContext): Promise<CommitmentEventType[]> {
    return commitmentEvents(ctx).load(c.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Highest escalation level fired' })
  async escalationLevel(@Root() c: CommitmentType, @Ctx() ctx: SubgraphContext): Promise<number | null> {
    return (await commitmentLadder(ctx).load(c.id)).level;
  }

  @FieldResolver(() => String)
  async priority(@Root() c: CommitmentType, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await commitmentLadder(ctx).load(c.id)).priorityRaised ? 'HIGH' : c.basePriority;
  }

  @FieldResolver(() => Boolean)
  async complaintRisk(@Root() c: CommitmentType, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return (await commitmentLadder(ctx).load(c.id)).complaintRisk;
  }

  @FieldResolver(() => Boolean)
  async reassignedToTeam(@Root() c: CommitmentType, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return (await commitmentLadder(ctx).load(c.id)).reassignedToTeam;
  }
}
