import { requireRole, WRITERS } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { ArrayMaxSize } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, Resolver } from 'type-graphql';
import { ContactIngestService } from '../ingest/contact-ingest.service';
import { recordImportBatches } from '../timeliness/import-batches';
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
    const report = await new ContactIngestService(ctx.em).ingest(records);
    // the delivery, for the source's timeliness; a request of bad contacts only writes nothing
    const rejectedLines = new Set(report.problems.map((p) => p.line));
    if (report.inserted + report.duplicates > 0)
      await recordImportBatches(
        ctx.em,
        args.contacts[0]?.source ?? 'graphql',
        { read: records.length, inserted: report.inserted, rejected: report.rejected, agentStates: 0 },
        {
          contact: records
            .filter((r) => !rejectedLines.has(r.line))
            .reduce<Date | null>(
              (latest, r) => (!latest || r.record.endedAt > latest ? r.record.endedAt : latest),
              null,
            ),
          state: null,
        },
      );
    return Object.assign(new IngestReportType(), report);
  }
}
