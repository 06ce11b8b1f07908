import { raw, type FilterQuery } from '@mikro-orm/core';
import { checkPageSize, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { NotificationRow } from './escalation.entity';
import { EscalationNotificationType } from './escalation.type';

const toType = (row: NotificationRow): EscalationNotificationType =>
  Object.assign(new EscalationNotificationType(), {
    id: row.id,
    commitmentId: row.commitmentId,
    level: row.level,
    recipient: row.recipient,
    employeeNo: row.addressEmployeeNo,
    role: row.addressRole,
    centerId: row.centerId,
    action: row.action,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    deliveryAttempts: row.deliveryAttempts,
  });

@Resolver(() => EscalationNotificationType)
export class EscalationResolver {
  @Query(() => [EscalationNotificationType], {
    description:
      'Escalations addressed to you: by your employee number, or to a role you hold in a center you see; newest first',
  })
  async myEscalations(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EscalationNotificationType[]> {
    checkPageSize(first);
    const scope = await ctx.scope();
    const or: FilterQuery<NotificationRow>[] = [];
    if (ctx.identity.employeeNo) or.push({ addressEmployeeNo: ctx.identity.employeeNo });
    const roles = ctx.identity.roles.filter((r) => r !== 'AGENT');
    if (roles.length) {
      or.push(
        scope.all
          ? { addressRole: { $in: roles } }
          : { addressRole: { $in: roles }, centerId: { $in: scope.centerIds ?? [] } },
      );
    }
    if (!or.length) return [];
    // the outbox's one address index (a person's number or a role, whichever the row has) for the
    // caller's number and roles at once; the branches above keep each key to its own kind
    const addresses = [...(ctx.identity.employeeNo ? [ctx.identity.employeeNo] : []), ...roles];
    const rows = await ctx.em.find(
      NotificationRow,
      { $and: [{ [raw('coalesce(address_employee_no, address_role)')]: { $in: addresses } }, { $or: or }] },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: first },
    );
    return rows.map(toType);
  }
}
