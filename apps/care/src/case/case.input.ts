import { IsIn, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CASE_STATES } from '@switchboard/metrics';
import { CASE_TYPES } from './case.entity';
import { CaseStatusEnum, CaseTypeEnum } from './case.type';

@InputType('CareContactKeyInput', { description: "A traffic contact's natural key" })
export class CareContactKeyInput {
  @Field(() => String) @Length(1, 200, { message: 'must be 1 to 200 characters' }) source!: string;
  @Field(() => String) @Length(1, 200, { message: 'must be 1 to 200 characters' }) externalId!: string;
}

@InputType('OpenCaseInput')
export class OpenCaseInput {
  @Field(() => CareContactKeyInput, { description: 'The contact the case is opened from (traffic)' })
  @ValidateNested()
  contact!: CareContactKeyInput;

  @Field(() => CaseTypeEnum)
  @IsIn(CASE_TYPES as unknown as string[], { message: `must be one of ${CASE_TYPES.join(', ')}` })
  type!: (typeof CASE_TYPES)[number];

  @Field(() => String, { description: 'A code of the current category taxonomy (caseCategories)' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  categoryCode!: string;

  @Field(() => String, { description: '1 to 200 characters' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  title!: string;

  @Field(() => Int, { defaultValue: 3, description: '1 (highest) to 4' })
  @IsInt({ message: 'must be 1 to 4' })
  @Min(1, { message: 'must be 1 to 4' })
  @Max(4, { message: 'must be 1 to 4' })
  priority!: number;

  @Field(() => String, { nullable: true, description: "The owner agent's employee number (staff)" })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  ownerAgentNo?: string | null;

  @Field(() => ID, { nullable: true, description: "The owning team (staff's Team id)" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a team id' })
  ownerTeamId?: string | null;

  @Field(() => String, { description: 'The owning department, 1 to 100 characters' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  department!: string;

  @Field(() => ID, { description: "staff's Center id" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;
}

@InputType('ChangeCaseInput', { description: 'Fields left out stay as they are' })
export class ChangeCaseInput {
  @Field(() => CaseStatusEnum, { nullable: true, description: 'A move of the case state machine' })
  @IsOptional()
  @IsIn(CASE_STATES as unknown as string[], { message: `must be one of ${CASE_STATES.join(', ')}` })
  status?: (typeof CASE_STATES)[number] | null;

  @Field(() => String, { nullable: true, description: "The new owner agent's employee number" })
  @IsOptional()
  @Length(1, 50, { message: 'must be 1 to 50 characters' })
  ownerAgentNo?: string | null;

  @Field(() => ID, { nullable: true, description: "The new owning team (staff's Team id)" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a team id' })
  ownerTeamId?: string | null;

  @Field(() => String, { nullable: true, description: 'The new owning department (a hand-off)' })
  @IsOptional()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for the history, up to 2000 characters' })
  @IsOptional()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  note?: string | null;
}
