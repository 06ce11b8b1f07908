import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Args, ArgsType, Ctx, Field, Float, ID, Int, Query, Resolver } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import { contactVisibility } from '../access/contact-visibility';
import { CustomerSegmentEnum } from '../common/enums';
import type { CustomerSegment } from '../model/segments';
import { checkFrequentContacterFilter, frequentContacters } from './frequent-contacter.service';
import { FrequentContacterType } from './frequent-contacter.type';

@ArgsType()
class FrequentContactersArgs {
  @Field(() => DateTimeISOResolver, { description: 'Inclusive, on a 15-minute boundary' })
  from!: Date;

  @Field(() => DateTimeISOResolver, { description: 'Exclusive, on a 15-minute boundary' })
  to!: Date;

  @Field(() => Int, { defaultValue: 3, description: 'At least this many contacts in the window…' })
  minContacts!: number;

  @Field(() => Float, { nullable: true, description: '…or at least this much handle time (seconds)' })
  minHandleSeconds?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Only contacts in queues of these centers' })
  centerIds?: string[] | null;

  @Field(() => [CustomerSegmentEnum], {
    nullable: true,
    description:
      'Only customers whose latest contact in the window was stamped with one of these segments (care’s segment when it arrived)',
  })
  @ArrayMaxSize(4)
  segments?: CustomerSegment[] | null;

  @Field(() => Int, { defaultValue: 50 })
  first!: number;
}

@Resolver(() => FrequentContacterType)
export class FrequentContacterResolver {
  @Query(() => [FrequentContacterType], {
    description:
      'Customers with many contacts or long handle times in a window, most contacts first, over the contacts you see; select customer { segment openCases { … } } for care’s side',
  })
  async frequentContacters(
    @Args(() => FrequentContactersArgs) args: FrequentContactersArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FrequentContacterType[]> {
    const filter = {
      from: args.from,
      to: args.to,
      minContacts: args.minContacts,
      minHandleSeconds: args.minHandleSeconds ?? null,
      centerIds: args.centerIds ?? null,
      segments: args.segments ?? null,
      first: args.first,
    };
    checkFrequentContacterFilter(filter);
    return frequentContacters(ctx.em, filter, await contactVisibility(ctx));
  }
}
