import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { contactVisibility } from '../access/contact-visibility';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ContactSampleInput } from './contact-sample.input';
import { drawContactSample } from './contact-sample.service';
import { ContactType } from './contact.type';

@Resolver(() => ContactType)
export class ContactSampleResolver {
  @Query(() => [ContactType], {
    description:
      'A reproducible random sample of answered contacts: up to perAgent per agent, by agent then draw order',
  })
  async contactSample(
    @Arg('filter', () => ContactSampleInput) filter: ContactSampleInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ContactType[]> {
    return drawContactSample(ctx.em, filter, await contactVisibility(ctx));
  }
}
