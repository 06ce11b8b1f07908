import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What a performance record is about (the same enum in every subgraph that resolves Performance). */
export enum PerformanceScopeType {
  CENTER = 'CENTER',
  TEAM = 'TEAM',
  AGENT = 'AGENT',
  QUEUE = 'QUEUE',
}
registerEnumType(PerformanceScopeType, {
  name: 'PerformanceScopeType',
  description: 'What a performance record is about',
});

@ObjectType('PerformanceVoice', {
  description:
    "A performance record's voice of the customer (METRICS.md): its agents' survey responses for contacts that arrived in the period",
})
export class PerformanceVoiceType {
  @Field(() => Float, { nullable: true, description: 'CSAT top-box share; null without CSAT responses' })
  csat!: number | null;
  @Field(() => Int) csatResponses!: number;
  @Field(() => Float, { nullable: true, description: 'NPS (−100…100); null without NPS responses' })
  nps!: number | null;
  @Field(() => Int) npsResponses!: number;
  @Field(() => Float, { nullable: true, description: 'Mean CES (1–7); null without CES responses' })
  ces!: number | null;
  @Field(() => Int) cesResponses!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'FINISHED / (SENT + OPENED + FINISHED + EXPIRED); null without invitations',
  })
  surveyResponseRate!: number | null;
}

/** Staff's Agent as voc reads it in a record's agent set (voc resolves no Agent of its own). */
@ObjectType('Agent')
@Directive('@key(fields: "employeeNo", resolvable: false)')
export class VoiceAgentType {
  @Field(() => String)
  employeeNo!: string;
}

/** Staff's set of a record's agents (internal to the supergraph), with what this subgraph reads. */
@ObjectType('PerformanceAgentSet')
export class VoiceAgentSetType {
  @Field(() => ID)
  @Directive('@external')
  id!: string;

  @Field(() => [VoiceAgentType], { nullable: true })
  @Directive('@external')
  agents!: VoiceAgentType[] | null;
}

/** The kpi subgraph's Performance, extended by voc with its agents' surveys. */
@ObjectType('Performance')
@Directive('@key(fields: "scopeType scopeId from to")')
export class VocPerformanceType {
  @Field(() => PerformanceScopeType) scopeType!: PerformanceScopeType;
  @Field(() => ID) scopeId!: string;
  @Field(() => DateTimeISOResolver) from!: Date;
  @Field(() => DateTimeISOResolver) to!: Date;

  @Field(() => VoiceAgentSetType)
  @Directive('@external')
  agentSet?: VoiceAgentSetType | null;

  /** The record's agents, from agentSet (resolveAgentSet). */
  agents?: VoiceAgentType[];
}
