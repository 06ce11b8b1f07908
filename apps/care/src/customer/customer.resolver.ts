import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCareWriter } from '../access/care-access';
import { expectTimeline } from '../timeline/timeline-prefetch';
import { timelinePage } from '../timeline/timeline.service';
import { TimelineType } from '../timeline/timeline.type';
import { normalizeCustomerKey } from './customer-key';
import { readCustomerPii } from './customer-pii';
import { SaveCustomerInput } from './customer.input';
import { mergedKeysOf, visibleCustomer } from './customer.loader';
import { CustomerService, resolveCustomerKeys } from './customer.service';
import { CustomerType } from './customer.type';

const PII = 'PII: CASE_HANDLER and ADMIN only; every read is audit-logged';

/** The customer a key names (normalized, merges followed), if the caller sees it. */
export async function customerByKey(
  ctx: SubgraphContext,
  raw: string,
  info?: GraphQLResolveInfo,
): Promise<CustomerType | null> {
  if (!normalizeCustomerKey(raw)) return null;
  const [live] = await resolveCustomerKeys(ctx.em, [raw]);
  // a timeline asked with the customer: its first contacts come with the scope check (one trip)
  if (info) expectTimeline(ctx, live, info);
  return visibleCustomer(ctx).load(live);
}

@Resolver(() => CustomerType)
export class CustomerResolver {
  @Query(() => CustomerType, {
    nullable: true,
    description:
      'A customer by key (normalized; a merged key gives the customer it was merged into); null if unknown or not yours',
  })
  customer(
    @Arg('key', () => String) key: string,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CustomerType | null> {
    return customerByKey(ctx, key, info);
  }

  @FieldResolver(() => String, { nullable: true, description: PII })
  name(@Root() c: CustomerType, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo) {
    return readCustomerPii(ctx, c, 'name', info);
  }

  @FieldResolver(() => String, { nullable: true, description: PII })
  phone(@Root() c: CustomerType, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo) {
    return readCustomerPii(ctx, c, 'phone', info);
  }

  @FieldResolver(() => [String], { description: 'The keys merged into this customer' })
  async mergedKeys(@Root() c: CustomerType, @Ctx() ctx: SubgraphContext): Promise<string[]> {
    return (await mergedKeysOf(ctx).load(c.customerKey)).filter((k) => k !== c.customerKey).sort();
  }

  @FieldResolver(() => TimelineType, {
    description:
      'Every contact on every channel and every case event you see, newest first (keyset-paginated: pass pageInfo.endCursor as after)',
  })
  async timeline(
    @Root() c: CustomerType,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TimelineType> {
    return timelinePage(ctx, await mergedKeysOf(ctx).load(c.customerKey), first, after);
  }

  @Mutation(() => CustomerType, { description: 'Creates or updates a customer (segment, name, phone)' })
  async saveCustomer(
    @Arg('input', () => SaveCustomerInput) input: SaveCustomerInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CustomerType> {
    requireCareWriter(ctx, 'saveCustomer');
    const row = await new CustomerService(ctx.em).save(input);
    return Object.assign(new CustomerType(), row, { customerKey: row.customerKey });
  }

  @Mutation(() => CustomerType, {
    description: 'Records that two keys are one customer: `from` resolves to `into` from now on',
  })
  async mergeCustomers(
    @Arg('from', () => String) from: string,
    @Arg('into', () => String) into: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CustomerType> {
    requireCareWriter(ctx, 'mergeCustomers');
    const row = await new CustomerService(ctx.em).merge(from, into, ctx.identity.subject);
    return Object.assign(new CustomerType(), row, { customerKey: row.customerKey });
  }
}
