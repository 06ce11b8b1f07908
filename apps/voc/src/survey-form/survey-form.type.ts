import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SurveyForm', { description: 'A SurveyForm of a center' })
@Directive('@key(fields: "id")')
export class SurveyFormType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: "staff's Center id" }) centerId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: 'Who created it (token subject)' }) createdBy!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int, { description: 'Optimistic lock: pass it back with a change' }) version!: number;
}
