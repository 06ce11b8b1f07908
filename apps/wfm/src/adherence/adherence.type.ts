import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { Field, Float, ObjectType } from 'type-graphql';
import { ActivityKindEnum } from '../schedule/activity';
import { ExceptionImpact } from '../model/enums';

export { ExceptionImpact };

@ObjectType('AdherenceException', {
  description: 'Scheduled time in a state its activity does not allow (deviations under 60 s ignored)',
})
export class AdherenceExceptionType {
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field(() => ActivityKindEnum) activity!: string;
  @Field(() => String, { description: "traffic's agent state (LOGGED_OUT: no state)" }) state!: string;
  @Field(() => ExceptionImpact) impact!: ExceptionImpact;
}

@ObjectType('AdherenceFigures', { description: 'Schedule adherence, conformance and shrinkage (METRICS.md)' })
export class AdherenceFiguresType {
  @Field(() => Float) scheduledSeconds!: number;
  @Field(() => Float) exceptionSeconds!: number;
  @Field(() => Float, { nullable: true, description: '1 − exception seconds / scheduled seconds' })
  adherence!: number | null;
  @Field(() => Float) onQueueScheduledSeconds!: number;
  @Field(() => Float) onQueueWorkedSeconds!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'On-queue seconds worked / on-queue seconds scheduled (may exceed 1)',
  })
  conformance!: number | null;
  @Field(() => Float, { nullable: true, description: 'Scheduled off-queue time / scheduled (paid) time' })
  shrinkage!: number | null;
}

@ObjectType('DayAdherence', { description: "An agent's scheduled day against their states" })
export class DayAdherenceType extends AdherenceFiguresType {
  @Field(() => GraphQLLocalDate) date!: string;
  @Field(() => [AdherenceExceptionType]) exceptions!: AdherenceExceptionType[];
}

@ObjectType('AgentAdherence', {
  description: "An agent's adherence over a period: the days' seconds summed, then the ratios",
})
export class AgentAdherenceType extends AdherenceFiguresType {
  @Field(() => String, { description: "staff's Agent employee number" }) employeeNo!: string;
  @Field(() => [DayAdherenceType]) days!: DayAdherenceType[];
}
