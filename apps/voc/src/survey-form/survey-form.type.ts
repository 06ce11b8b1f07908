import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SurveyKindEnum, type SurveyKind } from '../model/enums';

@ObjectType('SurveyForm', { description: 'One revision of a survey form of a center' })
@Directive('@key(fields: "id")')
export class SurveyFormType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: "staff's Center id" }) centerId!: string;
  @Field(() => String, { description: "The form's code in its center" }) code!: string;
  @Field(() => Int, { description: '1 for a new code, one more for each new revision' }) revision!: number;
  @Field(() => SurveyKindEnum) kind!: SurveyKind;
  @Field(() => String) title!: string;
  @Field(() => Int, { description: 'Lowest score of the scale' }) scaleMin!: number;
  @Field(() => Int, { description: 'Highest score of the scale' }) scaleMax!: number;
  @Field(() => Int, { nullable: true, description: 'CSAT: the lowest satisfied score' })
  topBoxMin!: number | null;
  @Field(() => String, { description: 'Who created it (token subject)' }) createdBy!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int, { description: 'Optimistic lock' }) version!: number;
}
