import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Text } from '../model/text';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CASE_STATES } from '@switchboard/metrics';
import { CASE_TYPES } from './case.entity';
import { CaseStatusEnum, CaseTypeEnum } from './case.type';

@InputType('CareContactKeyInput', { description: "A traffic contact's natural key" })
export class CareContactKeyInput {
  @Field(() => String) @Text(200) source!: string;
  @Field(() => String) @Text(200) externalId!: string;
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
  @Text(100)
  categoryCode!: string;

  @Field(() => String, { description: '1 to 200 characters' })
  @Text(200)
  title!: string;

  @Field(() => Int, { defaultValue: 3, description: '1 (highest) to 4' })
  @IsInt({ message: 'must be 1 to 4' })
  @Min(1, { message: 'must be 1 to 4' })
  @Max(4, { message: 'must be 1 to 4' })
  priority!: number;

  @Field(() => String, { nullable: true, description: "The owner agent's employee number (staff)" })
  @IsOptional()
  @Text(50)
  ownerAgentNo?: string | null;

  @Field(() => ID, { nullable: true, description: "The owning team (staff's Team id)" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a team id' })
  ownerTeamId?: string | null;

  @Field(() => String, { description: 'The owning department, 1 to 100 characters' })
  @Text(100)
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
  @Text(50)
  ownerAgentNo?: string | null;

  @Field(() => ID, { nullable: true, description: "The new owning team (staff's Team id)" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a team id' })
  ownerTeamId?: string | null;

  @Field(() => String, { nullable: true, description: 'The new owning department (a hand-off)' })
  @IsOptional()
  @Text(100)
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'A note for the history, up to 2000 characters' })
  @IsOptional()
  @Text(2000)
  note?: string | null;
}
