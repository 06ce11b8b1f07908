import { forbidden, hasRole, outsideScope, requireRole, WRITERS } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { complaintRisk, type ComplaintDeadlineBasis, type ComplaintOutcome } from '@switchboard/metrics';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { seesCase } from '../access/care-access';
import {
  readsComplaintPii,
  requireCodeEditor,
  requireComplaintWriter,
  requireExtensionApprover,
  seesComplaint,
  visibleComplaintsSql,
} from '../access/complaint-access';
import { careNow } from '../care-services';
import { visibleCase } from '../case/case.loader';
import { toCaseType } from '../case/case.mapper';
import { CaseType } from '../case/case.type';
import type { Case } from '../case/case.entity';
import { decryptPii } from '../customer/pii-crypto';
import { Complaint, ComplaintCode, type ComplaintAxis } from './complaint.entity';
import {
  AddComplaintCodeInput,
  ChangeComplaintInput,
  ComplaintFilterInput,
  DecideComplaintInput,
  ExtendComplaintInput,
  RegisterComplaintInput,
} from './complaint.input';
import { complaintByCase, complaintPiiAudit, complaintRiskFacts } from './complaint.loader';
import { toComplaintCodeType, toComplaintType } from './complaint.mapper';
import { ComplaintService, type ChangeComplaint } from './complaint.service';
import { ComplaintAxisEnum, ComplaintCodeType, ComplaintRiskType, ComplaintType } from './complaint.type';

/** The case a write names, when the caller sees it: FORBIDDEN outside the scope (missing alike). */
async function caseOfComplaint(
  ctx: SubgraphContext,
  id: string,
  field: string,
  action: string,
): Promise<Case> {
  const scope = await ctx.scope();
  const row = await visibleCase(ctx, id, (r, agents) => seesCase(scope, r, agents));
  if (!row && !scope.all) throw forbidden(`${action}: outside your access scope`);
  if (!row) throw badUserInput({ field, message: `no case "${id}"` });
  return row;
}

function operationOf(info: GraphQLResolveInfo): string {
  return `${info.operation.operation} ${info.operation.name?.value ?? '(anonymous)'}`;
}

@Resolver(() => ComplaintType)
export class ComplaintResolver {
  @Query(() => ComplaintType, {
    nullable: true,
    description: "A case's complaint; null if none or not yours to see",
  })
  async complaint(
    @Arg('caseId', () => ID) caseId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplaintType | null> {
    const row = isUuid(caseId) ? await complaintByCase(ctx).load(caseId) : null;
    return row && seesComplaint(ctx, await ctx.scope(), row.centerId)
      ? toComplaintType(row, careNow())
      : null;
  }

  @Query(() => [ComplaintType], { description: 'Complaints you see, soonest deadline first' })
  async complaints(
    @Arg('filter', () => ComplaintFilterInput, { nullable: true }) filter: ComplaintFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplaintType[]> {
    checkPageSize(first);
    const now = careNow();
    const visible = visibleComplaintsSql(ctx, await ctx.scope(), 'x');
    const f = filter ?? new ComplaintFilterInput();
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select x.* from complaint x where ${visible.sql}
        and (?::text is null or x.center_id::text in (select jsonb_array_elements_text(?::jsonb)))
        and (?::timestamptz is null or x.received_at >= ?::timestamptz)
        and (?::timestamptz is null or x.received_at < ?::timestamptz)
        and (?::boolean is null or (x.closed_at is null) = ?::boolean)
        and (?::boolean is null or (x.closed_at is null and x.deadline_at <= ?::timestamptz) = ?::boolean)
       order by x.closed_at is not null, x.deadline_at, x.case_id limit ?`,
      [
        ...visible.params,
        f.centerIds ? 'y' : null,
        JSON.stringify((f.centerIds ?? []).map((c) => c.toLowerCase())),
        f.receivedFrom ?? null,
        f.receivedFrom ?? null,
        f.receivedTo ?? null,
        f.receivedTo ?? null,
        f.open ?? null,
        f.open ?? null,
        f.overdue ?? null,
        now,
        f.overdue ?? null,
        first,
      ],
    );
    return rows.map((r) => toComplaintType(ctx.em.map(Complaint, r), now));
  }

  @Query(() => [ComplaintCodeType], {
    description: 'The complaint code lists (current version unless asked)',
  })
  async complaintCodes(
    @Arg('axis', () => ComplaintAxisEnum, { nullable: true }) axis: ComplaintAxis | null,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplaintCodeType[]> {
    const rows = await ctx.em.find(
      ComplaintCode,
      { ...(version == null ? { current: true } : { version }), ...(axis ? { axis } : {}) },
      { orderBy: { axis: 'asc', code: 'asc' } },
    );
    return rows.map(toComplaintCodeType);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The customer's words: CASE_HANDLER and ADMIN (audit-logged); null (masked) for others",
  })
  async verbatim(@Root() c: ComplaintType, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo) {
    if (!readsComplaintPii(ctx) || !c.verbatimEnc) return null;
    await complaintPiiAudit(ctx).load({
      field: 'complaint.verbatim',
      customerKey: c.storedCustomerKey,
      operation: operationOf(info),
    });
    return decryptPii(c.verbatimEnc, c.storedCustomerKey);
  }

  @FieldResolver(() => String, {
    description: 'The customer key; masked (last 4 kept) unless CASE_HANDLER or ADMIN (audit-logged)',
  })
  async customerKey(@Root() c: ComplaintType, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo) {
    if (!readsComplaintPii(ctx)) return c.customerKey;
    await complaintPiiAudit(ctx).load({
      field: 'complaint.customerKey',
      customerKey: c.storedCustomerKey,
      operation: operationOf(info),
    });
    return c.storedCustomerKey;
  }

  @FieldResolver(() => CaseType, {
    nullable: true,
    description: 'Its case (null if you do not see the case)',
  })
  async case(@Root() c: ComplaintType, @Ctx() ctx: SubgraphContext): Promise<CaseType | null> {
    const scope = await ctx.scope();
    const row = await visibleCase(ctx, c.id, (r, agents) => seesCase(scope, r, agents));
    return row ? toCaseType(row) : null;
  }

  @Mutation(() => ComplaintType, {
    description:
      'Records the complaint of a case (another type becomes COMPLAINT); the 15-day clock starts at receipt',
  })
  async registerComplaint(
    @Arg('input', () => RegisterComplaintInput) input: RegisterComplaintInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplaintType> {
    const row = await caseOfComplaint(ctx, input.caseId, 'input.caseId', 'registerComplaint');
    await requireComplaintWriter(ctx, row.centerId, 'registerComplaint');
    if (input.subjectAgentNo && input.subjectAgentNo === input.handlerAgentNo)
      throw badUserInput({
        field: 'input.handlerAgentNo',
        message: 'the handler must not be the agent complained about (回避)',
      });
    await ctx.requireReferences([
      { kind: 'agent', field: 'input.handlerAgentNo', values: [input.handlerAgentNo] },
      {
        kind: 'agent',
        field: 'input.subjectAgentNo',
        values: input.subjectAgentNo ? [input.subjectAgentNo] : [],
      },
    ]);
    const now = careNow();
    const complaint = await new ComplaintService(ctx.em).register(
      {
        caseId: row.id,
        expectedVersion: input.expectedVersion,
        receivedAt: input.receivedAt,
        channelCode: input.channelCode,
        businessCode: input.businessCode,
        reasonCode: input.reasonCode,
        productCode: input.productCode ?? null,
        severity: input.severity as Complaint['severity'],
        source: input.source as Complaint['source'],
        subjectAgentNo: input.subjectAgentNo ?? null,
        handlerAgentNo: input.handlerAgentNo,
        verbatim: input.verbatim ?? null,
      },
      ctx.identity.subject,
      now,
    );
    return toComplaintType(complaint, now);
  }

  @Mutation(() => ComplaintType, {
    description:
      "A center manager of the complaint's center approves 30 or 60 days, with a reason, before the deadline",
  })
  async extendComplaintDeadline(
    @Arg('input', () => ExtendComplaintInput) input: ExtendComplaintInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplaintType> {
    const complaint = await this.writable(ctx, input.caseId, 'input.caseId', 'extendComplaintDeadline', true);
    const now = careNow();
    return toComplaintType(
      await new ComplaintService(ctx.em).extend(
        {
          caseId: complaint.caseId,
          expectedVersion: input.expectedVersion,
          basis: input.basis as ComplaintDeadlineBasis,
          reason: input.reason,
        },
        ctx.identity.subject,
        now,
      ),
      now,
    );
  }

  @Mutation(() => ComplaintType, {
    description: 'Decides (or records the withdrawal of) the complaint: the clock stops',
  })
  async decideComplaint(
    @Arg('input', () => DecideComplaintInput) input: DecideComplaintInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplaintType> {
    const complaint = await this.writable(ctx, input.caseId, 'input.caseId', 'decideComplaint');
    const now = careNow();
    return toComplaintType(
      await new ComplaintService(ctx.em).decide(
        {
          caseId: complaint.caseId,
          expectedVersion: input.expectedVersion,
          outcome: input.outcome as ComplaintOutcome,
          decidedAt: input.decidedAt ?? null,
          customerInformedAt: input.customerInformedAt ?? null,
          remedy: input.remedy ?? null,
          remedyAmount: input.remedyAmount ?? null,
          remedyCurrency: input.remedyCurrency ?? null,
          rootCause: input.rootCause ?? null,
          correctiveAction: input.correctiveAction ?? null,
          correctiveActionDue: input.correctiveActionDue ?? null,
        },
        ctx.identity.subject,
        now,
      ),
      now,
    );
  }

  @Mutation(() => ComplaintType, {
    description: 'Changes the handler, marks the corrective action done, records the follow-up',
  })
  async changeComplaint(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('change', () => ChangeComplaintInput) change: ChangeComplaintInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplaintType> {
    const complaint = await this.writable(ctx, caseId, 'caseId', 'changeComplaint');
    if (change.handlerAgentNo)
      await ctx.requireReferences([
        { kind: 'agent', field: 'change.handlerAgentNo', values: [change.handlerAgentNo] },
      ]);
    const now = careNow();
    return toComplaintType(
      await new ComplaintService(ctx.em).change(
        complaint.caseId,
        expectedVersion,
        {
          handlerAgentNo: change.handlerAgentNo,
          correctiveActionDoneAt: change.correctiveActionDoneAt,
          followUpSatisfaction: change.followUpSatisfaction as ChangeComplaint['followUpSatisfaction'],
        },
        ctx.identity.subject,
        now,
      ),
      now,
    );
  }

  @Mutation(() => ComplaintCodeType, {
    description: "Adds a bank's own code (ADMIN): a new version of the code lists",
  })
  async addComplaintCode(
    @Arg('input', () => AddComplaintCodeInput) input: AddComplaintCodeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ComplaintCodeType> {
    requireCodeEditor(ctx, 'addComplaintCode');
    return toComplaintCodeType(
      await new ComplaintService(ctx.em).addCode(
        { ...input, axis: input.axis as ComplaintAxis },
        ctx.identity.subject,
      ),
    );
  }

  /** The complaint a write names: FORBIDDEN outside the caller's rights, BAD_USER_INPUT when unknown. */
  private async writable(
    ctx: SubgraphContext,
    caseId: string,
    field: string,
    action: string,
    extension = false,
  ): Promise<Complaint> {
    const row = isUuid(caseId) ? await complaintByCase(ctx).load(caseId) : null;
    if (!row) {
      // a restricted caller is refused alike whether it is missing or not theirs (no existence leak)
      requireRole(ctx.identity, extension ? ['CENTER_MANAGER', 'ADMIN'] : WRITERS.care, action);
      if (!(await ctx.scope()).all && !hasRole(ctx.identity, 'ADMIN')) throw outsideScope(action);
      throw badUserInput({ field, message: `no complaint on case "${caseId}"` });
    }
    if (extension) await requireExtensionApprover(ctx, row.centerId, action);
    else await requireComplaintWriter(ctx, row.centerId, action);
    return row;
  }
}

@Resolver(() => CaseType)
export class CaseComplaintResolver {
  @FieldResolver(() => ComplaintType, {
    nullable: true,
    description: 'Its complaint record (complaint readers only)',
  })
  async complaint(@Root() c: CaseType, @Ctx() ctx: SubgraphContext): Promise<ComplaintType | null> {
    const row = await complaintByCase(ctx).load(c.id);
    return row && seesComplaint(ctx, await ctx.scope(), row.centerId)
      ? toComplaintType(row, careNow())
      : null;
  }

  @FieldResolver(() => ComplaintRiskType, {
    description:
      'The complaint-risk flag: broken commitments, repeat inbound contacts or the escalation flag (not on complaints)',
  })
  async complaintRisk(@Root() c: CaseType, @Ctx() ctx: SubgraphContext): Promise<ComplaintRiskType> {
    const facts = await complaintRiskFacts(ctx, careNow()).load(c.id);
    const risk = complaintRisk({
      brokenCommitments: facts.broken,
      escalationFlag: facts.flagged,
      inboundArrivals: facts.arrivals,
    });
    const closed = c.type === 'COMPLAINT' || c.status === 'CLOSED';
    return {
      atRisk: !closed && risk.atRisk,
      reasons: closed ? [] : risk.reasons,
      brokenCommitments: facts.broken,
      repeatContacts: risk.repeatContacts,
    };
  }
}
