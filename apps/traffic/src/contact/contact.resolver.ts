import { requireRole, WRITERS } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { ArrayMaxSize } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, Resolver } from 'type-graphql';
import { ContactIngestService } from '../ingest/contact-ingest.service';
import { ContactInput, IngestReportType, MAX_CONTACTS_PER_MUTATION, toContactRecord } from './contact.input';

@ArgsType()
class IngestContactsArgs {
  @Field(() => [ContactInput])
  @ArrayMaxSize(MAX_CONTACTS_PER_MUTATION, {
    message: `contacts must hold at most ${MAX_CONTACTS_PER_MUTATION} records`,
  })
  contacts!: ContactInput[];
}

@Resolver()
export class ContactResolver {
  @Mutation(() => IngestReportType, {
    description: `Stores up to ${MAX_CONTACTS_PER_MUTATION} contacts in batches of 20,000, each all or nothing; already stored ones (same source and externalId) are skipped and invalid ones reported, so resending after a failure is safe`,
  })
  async ingestContacts(
    @Args(() => IngestContactsArgs) args: IngestContactsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IngestReportType> {
    requireRole(ctx.identity, WRITERS.traffic, 'ingestContacts');
    const records = args.contacts.map((input, index) => ({
      record: toContactRecord(input),
      line: index + 1,
    }));
    return Object.assign(new IngestReportType(), await new ContactIngestService(ctx.em).ingest(records));
  }
}
