import { requireRole, type Role } from '@switchboard/auth';
import { badUserInput, type FieldProblem } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { isUuid } from '../common/intervals';
import { isTimeZone } from '../ingest/time-zone';
import { ALERT_METRICS } from './alert-rule';
import {
  createAlertRule,
  notificationsOfCenter,
  queuesOutsideCenter,
  ruleById,
  rulesOfCenter,
  setRuleEnabled,
} from './alert.service';
import { AlertRuleInput } from './alert.input';
import { AlertNotificationType, AlertRuleType } from './alert.type';

/** A center's managers set its alert rules; ADMIN any center's. */
const RULE_WRITERS: readonly Role[] = ['ADMIN', 'CENTER_MANAGER'];

async function requireCenterArg(ctx: SubgraphContext, centerId: string, action: string): Promise<string> {
  if (!isUuid(centerId)) throw badUserInput({ field: 'centerId', message: 'is not a UUID' });
  const id = centerId.toLowerCase();
  (await ctx.scope()).requireCenter(id, action);
  return id;
}

@Resolver()
export class AlertResolver {
  @Query(() => [AlertRuleType], { description: "A center's alert rules and whether each is firing now" })
  async alertRules(
    @Arg('centerId', () => ID) centerId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AlertRuleType[]> {
    return rulesOfCenter(
      ctx.em,
      await requireCenterArg(ctx, centerId, 'read the alert rules of this center'),
    );
  }

  @Query(() => [AlertNotificationType], { description: "A center's latest alert notifications (the outbox)" })
  async alertNotifications(
    @Arg('centerId', () => ID) centerId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AlertNotificationType[]> {
    if (!Number.isInteger(first) || first < 1 || first > 500)
      throw badUserInput({ field: 'first', message: 'must be 1–500' });
    const id = await requireCenterArg(ctx, centerId, 'read the alerts of this center');
    return notificationsOfCenter(ctx.em, id, first);
  }

  @Mutation(() => AlertRuleType, {
    description: 'A rule that fires once per breach episode (after forSeconds) and clears once',
  })
  async createAlertRule(
    @Arg('input', () => AlertRuleInput) input: AlertRuleInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AlertRuleType> {
    requireRole(ctx.identity, RULE_WRITERS, 'createAlertRule');
    const problems: FieldProblem[] = [];
    const range = ALERT_METRICS[input.metric];
    if (!Number.isFinite(input.threshold) || input.threshold < range.min || input.threshold > range.max)
      problems.push({
        field: 'threshold',
        message: `is in ${range.unit} for ${input.metric}: ${range.min}–${range.max}`,
      });
    if (!isTimeZone(input.timeZone))
      problems.push({ field: 'timeZone', message: 'must be an IANA time zone such as Asia/Shanghai' });
    if (problems.length) throw badUserInput(problems);
    const centerId = input.centerId.toLowerCase();
    (await ctx.scope()).requireCenter(centerId, 'set alert rules of this center');
    await ctx.requireReferences([{ kind: 'center', field: 'centerId', values: [centerId] }]);
    const outside = await queuesOutsideCenter(
      ctx.em,
      centerId,
      input.queueIds.map((q) => q.toLowerCase()),
    );
    if (outside.length)
      throw badUserInput({ field: 'queueIds', message: `not queues of the center: ${outside.join(', ')}` });
    return createAlertRule(ctx.em, input, ctx.identity.subject);
  }

  @Mutation(() => AlertRuleType, { description: 'Turns a rule on or off (off ends its episode silently)' })
  async setAlertRuleEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled', () => Boolean) enabled: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AlertRuleType> {
    requireRole(ctx.identity, RULE_WRITERS, 'setAlertRuleEnabled');
    if (!isUuid(id)) throw badUserInput({ field: 'id', message: 'is not a UUID' });
    const rule = await ruleById(ctx.em, id.toLowerCase());
    (await ctx.scope()).requireCenter(rule.centerId, 'change alert rules of this center');
    return setRuleEnabled(ctx.em, rule.id, enabled);
  }
}
