import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { seesCase } from '../access/care-access';
import { Case } from '../case/case.entity';
import { contactsOfCase } from '../case/case.loader';
import { toCaseType } from '../case/case.mapper';
import { CaseType } from '../case/case.type';
import { resolveCustomerKeys } from './customer.service';
import { CustomerType } from './customer.type';

const CLOSED_STATES = ['RESOLVED', 'CLOSED'] as const;

/**
 * The open cases (neither resolved nor closed) of many customers that the caller sees, oldest
 * first: for the whole batch, one statement for merged keys, one for the cases and one for their
 * linked contacts (what an agent's or lead's visibility is decided by), whatever its size.
 */
function openCasesOf(ctx: SubgraphContext): DataLoader<string, CaseType[]> {
  return ctx.loaders.get('openCasesOfCustomer', async (keys: readonly string[]) => {
    // keys as traffic keeps them (a caller ID as given): normalized and merges followed, as stored here
    const live = await resolveCustomerKeys(ctx.em, keys);
    const rows = await ctx.em.find(
      Case,
      { customerKey: { $in: [...new Set(live)] }, status: { $nin: [...CLOSED_STATES] } },
      { orderBy: { openedAt: 'asc', id: 'asc' } },
    );
    const scope = await ctx.scope();
    const linked = scope.all ? [] : await contactsOfCase(ctx).loadMany(rows.map((r) => r.id));
    const byKey = new Map<string, CaseType[]>();
    rows.forEach((row, i) => {
      const contacts = linked[i];
      const agents = Array.isArray(contacts) ? contacts.map((c) => c.agentNo) : [];
      if (!seesCase(scope, row, agents)) return;
      byKey.set(row.customerKey, [...(byKey.get(row.customerKey) ?? []), toCaseType(row)]);
    });
    return live.map((key) => byKey.get(key) ?? []);
  });
}

@Resolver(() => CustomerType)
export class CustomerOpenCasesResolver {
  @FieldResolver(() => [CaseType], {
    description:
      "The customer's cases not yet resolved or closed that you see, oldest first (batched: a list of customers costs the same few statements as one)",
  })
  openCases(@Root() customer: CustomerType, @Ctx() ctx: SubgraphContext): Promise<CaseType[]> {
    return openCasesOf(ctx).load(customer.customerKey);
  }
}
