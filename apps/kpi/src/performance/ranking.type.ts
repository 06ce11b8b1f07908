import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { KpiValueType } from './kpi-value.type';

/** Staff's Agent, referenced by id; staff resolves its fields (name, team, ...). */
@ObjectType('Agent')
@Directive('@key(fields: "id", resolvable: false)')
export class AgentRef {
  @Field(() => ID) id!: string;
}

@ObjectType('RankedAgent', { description: "An agent's place in a ranking by composite score" })
export class RankedAgentType {
  @Field(() => Int, { description: '1 = best; agents with equal scores share a rank' }) rank!: number;
  @Field(() => ID, { description: "The agent's id (staff)" }) agentId!: string;
  @Field(() => AgentRef) agent!: AgentRef;
  @Field(() => Float, { nullable: true, description: 'Null when no weighted KPI has a value' }) score!:
    | number
    | null;
  @Field(() => [KpiValueType], { description: 'The weighted KPIs behind the score' }) kpis!: KpiValueType[];
}
