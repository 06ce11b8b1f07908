import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Length, Matches, MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, Mutation, Resolver } from 'type-graphql';
import { requireTrainingWriter } from '../access/training-access';
import { reportLmsBatch } from './lms-import.route';
import { LmsImportService } from './lms-import.service';
import { ExamResultImportOptions, ExamResultImportReportType } from './lms-import.type';

const MAX_LMS_BYTES = 16 * 1024 * 1024;

@ArgsType()
class ImportExamResultsArgs {
  @Field(() => String, {
    description:
      'LMS export: CSV with a header row attempt_id, employee_no, exam (code), score (0-100), taken_on (YYYY-MM-DD)',
  })
  @MaxLength(MAX_LMS_BYTES, { message: `csv must be at most ${MAX_LMS_BYTES} characters` })
  csv!: string;

  @Field(() => String, {
    defaultValue: 'LMS',
    description: 'Which LMS the file comes from; attempt ids are unique per source',
  })
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'source must be letters, digits, ".", "_" or "-"' })
  source!: string;
}

@Resolver()
export class LmsImportResolver {
  @Mutation(() => ExamResultImportReportType, {
    description:
      'Imports exam results from an LMS export. A file with bad rows writes nothing unless skipInvalidRows.',
  })
  async importExamResults(
    @Args(() => ImportExamResultsArgs) args: ImportExamResultsArgs,
    @Arg('options', () => ExamResultImportOptions, { nullable: true })
    options: ExamResultImportOptions | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExamResultImportReportType> {
    requireTrainingWriter(ctx, 'importExamResults');
    const dryRun = options?.dryRun ?? false;
    const report = await new LmsImportService(ctx.em).import(args.csv, args.source, {
      skipInvalidRows: options?.skipInvalidRows ?? false,
      dryRun,
      scope: await ctx.scope(),
    });
    if (!dryRun) await reportLmsBatch(args.source, report, ctx.logger);
    return Object.assign(new ExamResultImportReportType(), report);
  }
}
