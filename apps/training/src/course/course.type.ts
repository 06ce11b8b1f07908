import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AgentRole, CourseCategory } from '../model/enums';

@ObjectType('Course', { description: 'A course of the training catalog' })
@Directive('@key(fields: "id")')
export class CourseType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Short unique code, e.g. AML-2026' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => CourseCategory)
  category!: CourseCategory;

  @Field(() => Float)
  hours!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Months the certificate stays valid; null: never expires',
  })
  validityMonths!: number | null;

  @Field(() => [AgentRole], { description: 'Roles that must hold the certification' })
  mandatoryForRoles!: AgentRole[];

  @Field(() => [String], { description: 'Skill codes whose holders must hold the certification' })
  mandatoryForSkills!: string[];
}
