import { GraphQLLocalDate } from '@switchboard/subgraph-kit';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CODE_MESSAGE, CODE_PATTERN } from '../common/validation';
import { AgentRole, AgentStatus } from './agent.entity';

export const EMPLOYEE_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const EMPLOYEE_NO_MESSAGE = 'employeeNo must be 1-32 letters, digits, "-" or "_"';
const PHONE_PATTERN = /^\+?[0-9 ()-]{5,32}$/;

@InputType()
export class AgentSkillInput {
  @Field(() => String)
  @Matches(CODE_PATTERN, { message: `skillCode ${CODE_MESSAGE}` })
  skillCode!: string;

  @Field(() => Int, { description: '1 (learning) to 5 (expert)' })
  @IsInt()
  @Min(1)
  @Max(5)
  proficiency!: number;
}

/** The personal (PII) fields shared by hiring and updating an agent. */
@InputType()
abstract class AgentPersonalInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be 5-32 digits, spaces, "+", "(", ")" or "-"' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(4, 32)
  nationalId?: string | null;
}

@InputType()
export class HireAgentInput extends AgentPersonalInput {
  @Field(() => String)
  @Matches(EMPLOYEE_NO_PATTERN, { message: EMPLOYEE_NO_MESSAGE })
  employeeNo!: string;

  @Field(() => String)
  @Length(1, 200)
  @Matches(/^$|\S/, { message: '$property must not be blank' })
  displayName!: string;

  @Field(() => ID, { nullable: true, description: 'The team the agent joins on the hire date' })
  teamId?: string | null;

  @Field(() => AgentRole, { defaultValue: AgentRole.AGENT })
  role!: AgentRole;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  @Max(10)
  careerLevel!: number;

  @Field(() => GraphQLLocalDate)
  hireDate!: string;

  @Field(() => [AgentSkillInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  skills!: AgentSkillInput[];
}

@InputType()
export class UpdateAgentInput extends AgentPersonalInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  @Matches(/^$|\S/, { message: '$property must not be blank' })
  displayName?: string;

  @Field(() => AgentRole, { nullable: true })
  @IsOptional()
  role?: AgentRole;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  careerLevel?: number;

  @Field(() => AgentStatus, {
    nullable: true,
    description: 'ACTIVE or ON_LEAVE; use terminateAgent to terminate',
  })
  @IsOptional()
  @IsIn([AgentStatus.ACTIVE, AgentStatus.ON_LEAVE], {
    message: 'status must be ACTIVE or ON_LEAVE (use terminateAgent)',
  })
  status?: AgentStatus;

  @Field(() => [AgentSkillInput], { nullable: true, description: "Replaces the agent's skills when given" })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  skills?: AgentSkillInput[];
}

@InputType()
export class TransferAgentInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day in the new team; not in the future' })
  effectiveDate!: string;
}

@InputType()
export class TerminateAgentInput {
  @Field(() => GraphQLLocalDate, { description: 'Last working day' })
  terminationDate!: string;
}

@InputType()
export class AgentFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  centerIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  teamIds?: string[];

  @Field(() => [AgentStatus], { nullable: true })
  statuses?: AgentStatus[];

  @Field(() => [AgentRole], { nullable: true })
  roles?: AgentRole[];

  @Field(() => [String], { nullable: true, description: 'Agents holding any of these skills' })
  @IsOptional()
  @ArrayMaxSize(100)
  skillCodes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10000)
  employeeNos?: string[];

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the display name' })
  @IsOptional()
  @Length(1, 200)
  nameContains?: string;
}
