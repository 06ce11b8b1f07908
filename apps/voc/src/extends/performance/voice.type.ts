import { PERFORMANCE_KEY_DIRECTIVE, PerformanceKeyFields } from '@switchboard/subgraph-kit';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

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
@Directive(PERFORMANCE_KEY_DIRECTIVE)
export class VocPerformanceType extends PerformanceKeyFields {
  @Field(() => VoiceAgentSetType)
  @Directive('@external')
  agentSet?: VoiceAgentSetType | null;

  /** The record's agents, from agentSet (resolveAgentSet). */
  agents?: VoiceAgentType[];
}
