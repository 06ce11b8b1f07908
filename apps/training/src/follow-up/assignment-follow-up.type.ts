import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { AssignmentFollowUpKind } from '../model/enums';

export { AssignmentFollowUpKind };

@ObjectType('AssignmentFollowUp', {
  description: 'A reminder or a new due date of an assignment, with who and when',
})
export class AssignmentFollowUpType {
  @Field(() => AssignmentFollowUpKind) kind!: AssignmentFollowUpKind;
  @Field(() => DateTimeISOResolver) at!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'Who did it (null for a service or an account without one)',
  })
  byEmployeeNo!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The reminder's note, or the reason for the new due date",
  })
  note!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'NEW_DUE_DATE: the due date before' })
  previousDueDate!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'NEW_DUE_DATE: the due date given' })
  newDueDate!: string | null;
}
