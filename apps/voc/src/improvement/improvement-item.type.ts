import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IMPROVEMENT_STATUSES, type ImprovementStatus } from './improvement-item.entity';

export const ImprovementStatusEnum = Object.fromEntries(IMPROVEMENT_STATUSES.map((s) => [s, s])) as Record<
  ImprovementStatus,
  ImprovementStatus
>;
registerEnumType(ImprovementStatusEnum, {
  name: 'ImprovementStatus',
  description: 'OPEN → IN_PROGRESS → DONE; OPEN or IN_PROGRESS → CANCELLED',
});

@ObjectType('ImprovementItem', { description: 'A fix another department owns, with feedback as evidence' })
export class ImprovementItemType {
  @Field(() => ID) id!: string;
  @Field(() => ID) centerId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) ownerDepartment!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) dueDate!: string;
  @Field(() => ImprovementStatusEnum) status!: ImprovementStatus;
  @Field(() => DateTimeISOResolver, { nullable: true }) closedAt!: Date | null;
  @Field(() => [ID], { description: 'Its evidence: feedback ids' }) feedbackIds!: string[];
}

@ObjectType('ImprovementClosure', {
  description: 'Closure rate KPI: items due in the period DONE by the end of their due date / items due',
})
export class ImprovementClosureType {
  @Field(() => Int) due!: number;
  @Field(() => Int) closedOnTime!: number;
  @Field(() => Float, { nullable: true, description: 'null when nothing was due' }) rate!: number | null;
}
