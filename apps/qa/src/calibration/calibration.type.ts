import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ContactRef } from '../common/contact-ref';
import { EvaluationStatus } from '../common/enums';
import { AgentQaType } from '../summary/agent-qa.type';

@ObjectType('CalibrationResult', { description: "One evaluator's score of the session's contact" })
export class CalibrationResultType {
  @Field(() => String) evaluatorEmployeeNo!: string;
  @Field(() => ID) evaluationId!: string;
  @Field(() => EvaluationStatus) status!: EvaluationStatus;
  @Field(() => Boolean, { description: "The calibrator's (reference) evaluation" }) reference!: boolean;
  @Field(() => Float, { nullable: true, description: 'Overall percent once submitted' }) score!:
    | number
    | null;
  @Field(() => Float, {
    nullable: true,
    description: 'score − reference score; null until both are submitted',
  })
  deviation!: number | null;
}

@ObjectType('CalibrationSession', {
  description: 'Several evaluators score the same contact; the calibrator gives the reference score',
})
export class CalibrationSessionType {
  @Field(() => ID) id!: string;
  @Field(() => ID) scorecardId!: string;
  @Field(() => ContactRef, {
    nullable: true,
    description: 'Null, with an error, when missing or outside your scope',
  })
  contact!: ContactRef;
  @Field(() => AgentQaType, {
    nullable: true,
    description: 'Null, with an error, when missing or outside your scope',
  })
  agent!: AgentQaType;
  @Field(() => String) calibratorEmployeeNo!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => Float, { nullable: true, description: "The calibrator's submitted overall percent" })
  referenceScore!: number | null;
  @Field(() => [CalibrationResultType], { description: 'Every evaluator, the calibrator first' })
  results!: CalibrationResultType[];
}

@ObjectType('EvaluatorCalibration', {
  description: "One evaluator's deviation from the reference over sessions",
})
export class EvaluatorCalibrationType {
  @Field(() => String) evaluatorEmployeeNo!: string;
  @Field(() => Int, { description: 'Sessions where both they and the calibrator submitted' })
  sessions!: number;
  @Field(() => Float, { description: 'Mean of |score − reference| (percentage points)' })
  meanAbsoluteDeviation!: number;
  @Field(() => Float, { description: 'Mean of score − reference: > 0 scores high, < 0 scores low' })
  meanDeviation!: number;
  @Field(() => Boolean, { description: 'meanAbsoluteDeviation above the drift threshold' })
  drifting!: boolean;
}
