import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('CaseCategory', { description: 'A category of the versioned case taxonomy' })
export class CaseCategoryType {
  @Field(() => Int) version!: number;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
}
