import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { ArrayMaxSize, Length, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { contactByKey } from './contact-lookup';
import { ContactType } from './contact.type';

/** Keys per contactsByKeys call: a page of references another subgraph checks before a write. */
export const MAX_CONTACT_KEYS = 500;

@InputType({ description: "A traffic contact's natural key" })
export class ContactKeyInput {
  @Field(() => String) @Length(1, 200) source!: string;
  @Field(() => String) @Length(1, 200) externalId!: string;
}

@ArgsType()
class ContactsByKeysArgs {
  @Field(() => [ContactKeyInput])
  @ArrayMaxSize(MAX_CONTACT_KEYS, { message: `keys must hold at most ${MAX_CONTACT_KEYS} keys` })
  @ValidateNested({ each: true })
  keys!: ContactKeyInput[];
}

@Resolver(() => ContactType)
export class ContactKeysResolver {
  /**
   * The batch behind Contact references, as a root query: other subgraphs (QA) check through the
   * gateway that the contacts a write names exist and who handled them, in one statement.
   */
  @Query(() => [ContactType], {
    nullable: 'items',
    description: `Contacts by natural key, in the order asked (at most ${MAX_CONTACT_KEYS}); null where unknown or outside the caller's scope`,
  })
  async contactsByKeys(
    @Args(() => ContactsByKeysArgs) args: ContactsByKeysArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<(ContactType | null)[]> {
    const found = await contactByKey(ctx).loadMany(
      args.keys.map((k) => ({ source: k.source, externalId: k.externalId })),
    );
    return found.map((c) => {
      if (c instanceof Error) throw c;
      return c;
    });
  }
}
