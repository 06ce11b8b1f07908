import { validateEscalationPolicy, type EscalationLevel } from '@switchboard/metrics';
import { badUserInput } from '@switchboard/server';
import { isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireCalendarWriter, requireCaseCenter } from '../access/care-access';
import { EscalationPolicyRow } from './escalation.entity';
import { policiesFor } from './escalation-policy';
import { SetEscalationPolicyInput } from './escalation-policy.input';
import { EscalationPolicyType } from './escalation-policy.type';

const toType = (
  centerId: string,
  scope: { caseType: string; priority: string; segment: string },
  policy: { code: string; levels: readonly EscalationLevel[] },
): EscalationPolicyType =>
  Object.assign(new EscalationPolicyType(), {
    centerId,
    ...scope,
    code: policy.code,
    levels: policy.levels.map((l) => ({ ...l, recipients: [...l.recipients] })),
  });

@Resolver(() => EscalationPolicyType)
export class EscalationPolicyResolver {
  @Query(() => EscalationPolicyType, {
    nullable: true,
    description:
      "The policy that applies to a center's commitments (its most specific row for the case type, priority and segment; else the default); null for a center you do not see",
  })
  async escalationPolicy(
    @Arg('centerId', () => ID) centerId: string,
    @Arg('caseType', () => String, { nullable: true }) caseType: string | null,
    @Arg('priority', () => String, { nullable: true }) priority: string | null,
    @Arg('segment', () => String, { nullable: true }) segment: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EscalationPolicyType | null> {
    if (!isUuid(centerId)) return null;
    const scope = await ctx.scope();
    if (!scope.all && !scope.seesCenter(centerId.toLowerCase())) return null;
    const [policy] = await policiesFor(ctx.em, [
      { centerId: centerId.toLowerCase(), caseType, priority, segment },
    ]);
    return toType(
      centerId.toLowerCase(),
      { caseType: caseType ?? '*', priority: priority ?? '*', segment: segment ?? '*' },
      policy,
    );
  }

  @Mutation(() => EscalationPolicyType, {
    description:
      "Sets a center's escalation policy, for a case type, priority and segment or '*' (its CENTER_MANAGER, ADMIN)",
  })
  async setEscalationPolicy(
    @Arg('input', () => SetEscalationPolicyInput) input: SetEscalationPolicyInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EscalationPolicyType> {
    requireCalendarWriter(ctx, 'setEscalationPolicy');
    await requireCaseCenter(ctx, input.centerId, 'setEscalationPolicy');
    const levels = input.levels.map((l) => ({ ...l })) as unknown as EscalationLevel[];
    const problems = validateEscalationPolicy({ code: input.code, levels });
    if (problems.length) throw badUserInput(problems.map((p) => ({ ...p, field: `input.${p.field}` })));
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    const centerId = input.centerId.toLowerCase();
    const key = { centerId, caseType: input.caseType, priority: input.priority, segment: input.segment };
    const row =
      (await ctx.em.findOne(EscalationPolicyRow, key)) ??
      ctx.em.create(EscalationPolicyRow, { ...key, code: input.code, levels });
    Object.assign(row, { code: input.code, levels, updatedAt: new Date() });
    await ctx.em.persistAndFlush(row);
    return toType(centerId, key, row);
  }
}
