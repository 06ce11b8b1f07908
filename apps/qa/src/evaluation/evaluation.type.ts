import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '@switchboard/subgraph-kit';
import { DisputeResolution, EvaluationStatus } from '../common/enums';
import { ContactRef } from '../common/contact-ref';
import { AgentQaType } from '../summary/agent-qa.type';

@ObjectType('EvaluationAnswer')
export class EvaluationAnswerType {
  @Field(() => String) criterionKey!: string;
  @Field(() => Int, { nullable: true, description: 'YES_NO: 1 yes, 0 no; SCALE: 0..scaleMax; null when N/A' })
  value!: number | null;
  @Field(() => Boolean) na!: boolean;
  @Field(() => String, { nullable: true }) comment!: string | null;
}

@ObjectType('SectionScore')
export class SectionScoreType {
  @Field(() => String) key!: string;
  @Field(() => Float, { nullable: true, description: 'Percent; null when no criterion applied' })
  score!: number | null;
  @Field(() => Boolean) autoFailed!: boolean;
}

@ObjectType('CategoryScore')
export class CategoryScoreType {
  @Field(() => String) category!: string;
  @Field(() => Float, { description: 'Percent' }) score!: number;
}

@ObjectType('Evaluation', { description: 'One contact scored for one agent on one scorecard version' })
@Directive('@key(fields: "id")')
export class EvaluationType {
  @Field(() => ID) id!: string;
  @Field(() => AgentQaType, {
    nullable: true,
    description:
      'The evaluated agent (null, with an error, when staff has no such agent or it is outside your scope)',
  })
  agent!: AgentQaType;
  @Field(() => String) evaluatorEmployeeNo!: string;
  @Field(() => AgentQaType, {
    nullable: true,
    description:
      'Who scored it (null, with an error, when staff has no such agent or it is outside your scope)',
  })
  evaluator!: AgentQaType;
  @Field(() => ContactRef, {
    nullable: true,
    description:
      "The scored contact (traffic's Contact; null, with an error, when traffic has none or it is outside your scope)",
  })
  contact!: ContactRef;
  @Field(() => EvaluationStatus) status!: EvaluationStatus;
  @Field(() => [EvaluationAnswerType]) answers!: EvaluationAnswerType[];
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => Float, { nullable: true, description: 'Percent, computed on submit; null while a draft' })
  overallScore!: number | null;
  @Field(() => Boolean) autoFailed!: boolean;
  @Field(() => [SectionScoreType]) sectionScores!: SectionScoreType[];
  @Field(() => [CategoryScoreType]) categoryScores!: CategoryScoreType[];
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) submittedAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) disputedAt!: Date | null;
  @Field(() => String, { nullable: true }) disputeReason!: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => DisputeResolution, { nullable: true }) resolution!: DisputeResolution | null;
  @Field(() => String, { nullable: true }) resolutionReason!: string | null;
  @Field(() => Float, { nullable: true, description: 'The overall score before a RESCORED resolution' })
  scoreBeforeResolution!: number | null;
  @Field(() => ID, { nullable: true, description: 'Set for calibration evaluations (not in QA summaries)' })
  calibrationSessionId!: string | null;

  scorecardId!: string;
}

@ObjectType('EvaluationPage')
export class EvaluationPageType {
  @Field(() => [EvaluationType]) nodes!: EvaluationType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}
