import { badUserInput, ErrorCode } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Customer } from './customer.entity';
import { resolveCustomerKeys } from './customer.service';
import { SegmentEnum } from './customer.type';

/** Keys one customerSegments call may ask (traffic asks per import batch of 20,000 contacts). */
export const MAX_SEGMENT_KEYS = 20_000;

@ObjectType('CustomerSegmentOf', { description: 'The segment care holds for a customer key as asked' })
export class CustomerSegmentOfType {
  @Field(() => String, { description: 'The key as asked (not normalized)' }) key!: string;
  @Field(() => SegmentEnum, { description: 'STANDARD for a customer care does not know' })
  segment!: string;
}

@Resolver()
export class CustomerSegmentsResolver {
  @Query(() => [CustomerSegmentOfType], {
    description:
      'The segments of customer keys, in the order asked (normalized, merges followed; STANDARD when unknown): traffic stamps them on contacts at ingest. Bank-wide callers only (ADMIN, BI_READER, service identities); at most 20,000 keys; one statement per merge hop and one for the customers',
  })
  async customerSegments(
    @Arg('keys', () => [String]) keys: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<CustomerSegmentOfType[]> {
    if (!(await ctx.scope()).all)
      throw new GraphQLError('customerSegments is for bank-wide callers', {
        extensions: { code: ErrorCode.Forbidden },
      });
    if (keys.length > MAX_SEGMENT_KEYS)
      throw badUserInput({ field: 'keys', message: `at most ${MAX_SEGMENT_KEYS} keys at once` });
    if (!keys.length) return [];
    const live = await resolveCustomerKeys(ctx.em, keys);
    const rows = await ctx.em.find(
      Customer,
      { customerKey: { $in: [...new Set(live)] } },
      { fields: ['customerKey', 'segment'] },
    );
    const segmentOf = new Map(rows.map((r) => [r.customerKey, r.segment]));
    return keys.map((key, i) =>
      Object.assign(new CustomerSegmentOfType(), { key, segment: segmentOf.get(live[i]) ?? 'STANDARD' }),
    );
  }
}
