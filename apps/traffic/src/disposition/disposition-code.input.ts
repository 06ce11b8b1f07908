import { Field, InputType } from 'type-graphql';

@InputType('DispositionCodeInput', {
  description: 'A new version of a disposition code (or its first), valid from a day on',
})
export class DispositionCodeInput {
  @Field(() => String, { description: 'Letters, digits, _ . - / (1 to 64)' }) code!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A code valid on validFrom: its parent in the hierarchy',
  })
  parentCode?: string | null;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: 'One of the outcome classes (see DispositionCode.outcomeClass)' })
  outcomeClass!: string;
  @Field(() => Boolean, { defaultValue: false }) requiresAmount!: boolean;
  @Field(() => Boolean, { defaultValue: false }) requiresProduct!: boolean;
  @Field(() => String, {
    description: "First day of the new version (YYYY-MM-DD), after the current version's first day",
  })
  validFrom!: string;
}
