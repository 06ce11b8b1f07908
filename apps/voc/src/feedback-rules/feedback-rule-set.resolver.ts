import { requireRole } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireRuleEditor, VERBATIM_READERS } from '../access/voc-access';
import { confusionReport, NO_CATEGORY, type LabelledFeedback } from '../feedback/feedback-rules';
import { LABELLED_FEEDBACK_SAMPLE as shippedSample } from '../feedback/labelled-sample';
import { FeedbackRuleSetService, type RuleSetVersion } from './feedback-rule-set.service';
import {
  CreateFeedbackRuleSetInput,
  FeedbackConfusionType,
  FeedbackRuleSetPublicationType,
  FeedbackRuleSetType,
  LabelledFeedbackInput,
} from './feedback-rule-set.type';

const MAX_SAMPLE = 2_000;

const toType = (v: RuleSetVersion): FeedbackRuleSetType => ({
  ...v,
  categories: v.categories.map((c) => ({
    code: c.code,
    nameEn: c.nameEn,
    nameZh: c.nameZh,
    keywords: [...c.keywords],
    patterns: [...(c.patterns ?? [])],
  })),
});

@Resolver()
export class FeedbackRuleSetResolver {
  @Query(() => [FeedbackRuleSetType], {
    description:
      'Every version of the feedback categorization rules, newest first (the shipped version 1 last)',
  })
  async feedbackRuleSets(@Ctx() ctx: SubgraphContext): Promise<FeedbackRuleSetType[]> {
    return (await new FeedbackRuleSetService(ctx.em).versions()).map(toType);
  }

  @Query(() => FeedbackConfusionType, {
    description:
      'A rule set version against a hand-labelled sample (default: the shipped one): confusion cells, precision and recall per category, the misses; for CASE_HANDLER, VOC_ANALYST, QA_EVALUATOR and ADMIN',
  })
  async feedbackConfusion(
    @Arg('version', () => Int) version: number,
    @Arg('sample', () => [LabelledFeedbackInput], { nullable: true }) sample: LabelledFeedbackInput[] | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FeedbackConfusionType> {
    requireRole(ctx.identity, VERBATIM_READERS, 'feedbackConfusion');
    const rules = await new FeedbackRuleSetService(ctx.em).rulesOf(version);
    const codes = new Set([...rules.categories.map((c) => c.code), NO_CATEGORY]);
    const labelled: LabelledFeedback[] = sample ?? (shippedSample as LabelledFeedback[]);
    if (sample) {
      if (sample.length === 0 || sample.length > MAX_SAMPLE)
        throw badUserInput({ field: 'sample', message: `must hold 1 to ${MAX_SAMPLE} labelled texts` });
      const problems = sample.flatMap((s, i) => [
        ...(s.text.length === 0 || s.text.length > 4000
          ? [{ field: `sample[${i}].text`, message: 'must be 1 to 4000 characters' }]
          : []),
        ...(codes.has(s.label)
          ? []
          : [
              {
                field: `sample[${i}].label`,
                message: `${s.label.slice(0, 60)} is not a category of version ${version}`,
              },
            ]),
      ]);
      if (problems.length) throw badUserInput(problems);
    } else {
      const missing = [...new Set(labelled.map((s) => s.label))].filter((l) => !codes.has(l));
      if (missing.length)
        throw badUserInput({
          field: 'version',
          message: `has no category ${missing.join(', ')} of the shipped sample: give a sample labelled with its categories`,
        });
    }
    const report = confusionReport(rules, labelled);
    return {
      version: report.version,
      samples: report.samples,
      accuracy: report.accuracy,
      categories: report.categories,
      cells: Object.entries(report.matrix).flatMap(([label, row]) =>
        Object.entries(row)
          .filter(([, count]) => count > 0)
          .map(([predicted, count]) => ({ label, predicted, count })),
      ),
      misses: report.misses,
    };
  }

  @Mutation(() => FeedbackRuleSetType, {
    description:
      'A new draft version of the feedback rules (VOC_ANALYST, CASE_HANDLER or ADMIN, bank-wide); nothing is re-filed until it is published',
  })
  async createFeedbackRuleSet(
    @Arg('input', () => CreateFeedbackRuleSetInput) input: CreateFeedbackRuleSetInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FeedbackRuleSetType> {
    await requireRuleEditor(ctx, 'createFeedbackRuleSet');
    return toType(
      await new FeedbackRuleSetService(ctx.em).create(
        input.categories,
        input.note ?? null,
        ctx.identity.subject,
      ),
    );
  }

  @Mutation(() => FeedbackRuleSetPublicationType, {
    description:
      "Publishes a draft version (VOC_ANALYST, CASE_HANDLER or ADMIN, bank-wide): feedback is filed by it from now on, and feedback filed by older versions is re-filed (here when few, else by voc's job)",
  })
  async publishFeedbackRuleSet(
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<FeedbackRuleSetPublicationType> {
    await requireRuleEditor(ctx, 'publishFeedbackRuleSet');
    const published = await new FeedbackRuleSetService(ctx.em).publish(version, ctx.identity.subject);
    return { ...published, ruleSet: toType(published.ruleSet) };
  }
}
