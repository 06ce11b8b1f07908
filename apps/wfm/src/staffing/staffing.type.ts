import { Field, Float, Int, ObjectType } from 'type-graphql';
import { StaffingModel } from '../model/enums';

export { StaffingModel };

@ObjectType('Staffing', { description: 'Agents an interval needs, and what they achieve' })
export class StaffingType {
  @Field(() => StaffingModel) model!: StaffingModel;
  @Field(() => Float, { description: 'A = λ × AHT / interval seconds' }) erlangs!: number;
  @Field(() => Int, { description: 'Least agents on the phones meeting the targets' }) rawAgents!: number;
  @Field(() => Int, { description: 'ceil(rawAgents / (1 − shrinkage))' }) scheduledAgents!: number;
  @Field(() => Float) serviceLevel!: number;
  @Field(() => Float) probabilityOfWaiting!: number;
  @Field(() => Float, { nullable: true }) asaSeconds!: number | null;
  @Field(() => Float) occupancy!: number;
  @Field(() => Float, { nullable: true, description: 'Erlang A only' }) probabilityOfAbandon!: number | null;
}
