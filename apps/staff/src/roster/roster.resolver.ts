import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { MaxLength } from 'class-validator';
import { Arg, ArgsType, Args, Ctx, Field, Mutation, Resolver } from 'type-graphql';
import { requireStaffWriter } from '../access/staff-access';
import { reportRosterBatch } from './roster.route';
import { RosterService } from './roster.service';
import { RosterImportOptions, RosterImportReportType } from './roster.type';

const MAX_ROSTER_BYTES = 8 * 1024 * 1024;

@ArgsType()
class ImportRosterArgs {
  @Field(() => String, { description: 'The roster file: CSV with a header row (see DESIGN.md)' })
  @MaxLength(MAX_ROSTER_BYTES, { message: `csv must be at most ${MAX_ROSTER_BYTES} characters` })
  csv!: string;
}

@Resolver()
export class RosterResolver {
  @Mutation(() => RosterImportReportType, {
    description:
      'Creates and updates agents from a roster CSV. A file with bad rows writes nothing unless skipInvalidRows.',
  })
  async importRoster(
    @Args(() => ImportRosterArgs) args: ImportRosterArgs,
    @Arg('options', () => RosterImportOptions, { nullable: true }) options: RosterImportOptions | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RosterImportReportType> {
    requireStaffWriter(ctx, 'importRoster');
    const dryRun = options?.dryRun ?? false;
    const report = await new RosterService(ctx.em).import(args.csv, {
      skipInvalidRows: options?.skipInvalidRows ?? false,
      dryRun,
      scope: await ctx.scope(),
    });
    if (!dryRun) await reportRosterBatch(report, ctx.logger);
    return Object.assign(new RosterImportReportType(), report);
  }
}
