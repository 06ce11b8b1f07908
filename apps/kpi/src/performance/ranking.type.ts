import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AgentRef } from '../extends/agent/agent-ref.type';
import { KpiValueType } from './kpi-value.type';

@ObjectType('RankedAgent', { description: "An agent's place in a ranking by composite score" })
export class RankedAgentType {
  @Field(() => Int, { description: '1 = best; agents with equal scores share a rank' }) rank!: number;
  @Field(() => ID, { description: "The agent's id (staff)" }) agentId!: string;
  @Field(() => AgentRef, {
    nullable: true,
    description: 'Null, with an error, when missing or outside your scope',
  })
  agent!: AgentRef;
  @Field(() => Float, { nullable: true, description: 'Null when no weighted KPI has a value' }) score!:
    | number
    | null;
  @Field(() => [KpiValueType], { description: 'The weighted KPIs behind the score' }) kpis!: KpiValueType[];
}
