import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('EscalationNotification', { description: 'One escalation of a commitment, to one recipient' })
export class EscalationNotificationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) commitmentId!: string;
  @Field(() => Int) level!: number;
  @Field(() => String, { description: 'OWNER, TEAM_LEAD, CENTER_MANAGER or ROLE:<role>' }) recipient!: string;
  @Field(() => String, { nullable: true, description: 'The person addressed' }) employeeNo!: string | null;
  @Field(() => String, { nullable: true, description: '...or the role addressed in the center' }) role!:
    | string
    | null;
  @Field(() => ID) centerId!: string;
  @Field(() => String) action!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the webhook took it' }) deliveredAt!: Date | null;
  @Field(() => Int) deliveryAttempts!: number;
}
