import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  INVITATION_STATUSES,
  InvitationStatusEnum,
  SurveyKindEnum,
  type InvitationStatus,
  type SurveyKind,
} from '../model/enums';

/** Rows per importSurveys call (a file import sends larger files in pages of this size). */
export const MAX_SURVEY_ROWS = 5000;

@InputType('SurveyImportRowInput', { description: "One row of a survey platform's export" })
export class SurveyImportRowInput {
  @Field(() => String, { description: "The platform's invitation id (the natural key)" })
  @Length(1, 200)
  invitationKey!: string;

  @Field(() => String) @Length(1, 40) formCode!: string;

  @Field(() => Int, { nullable: true, description: "Default: the form's newest revision" })
  @IsOptional()
  @IsInt()
  formRevision?: number | null;

  @Field(() => String) @Length(1, 200) contactSource!: string;
  @Field(() => String) @Length(1, 200) contactExternalId!: string;
  @Field(() => Date) sentAt!: Date;

  @Field(() => InvitationStatusEnum)
  @IsIn([...INVITATION_STATUSES])
  status!: InvitationStatus;

  @Field(() => Date, { nullable: true }) answeredAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "On the form's scale; with status FINISHED" })
  @IsOptional()
  @IsInt()
  score?: number | null;

  @Field(() => String, { nullable: true, description: "The customer's words (PII)" })
  verbatim?: string | null;
}

@ArgsType()
export class ImportSurveysArgs {
  @Field(() => ID, { description: "The center the surveys are for (staff's Center id)" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;

  @Field(() => [SurveyImportRowInput])
  @ArrayMaxSize(MAX_SURVEY_ROWS, { message: `rows must hold at most ${MAX_SURVEY_ROWS} rows` })
  @ValidateNested({ each: true })
  rows!: SurveyImportRowInput[];
}

@ObjectType('SurveyImportProblem', { description: 'Why one survey row was set aside' })
export class SurveyImportProblemType {
  @Field(() => Int, {
    description: 'Line in the file (the header is line 1), or position in the rows from 1',
  })
  row!: number;
  @Field(() => String, { description: 'The column at fault' }) field!: string;
  @Field(() => String) message!: string;
}

@ObjectType('SurveyImportReport')
export class SurveyImportReportType {
  @Field(() => Int) invitationsCreated!: number;
  @Field(() => Int, { description: 'Invitations moved along their lifecycle' }) invitationsUpdated!: number;
  @Field(() => Int) responsesRecorded!: number;
  @Field(() => Int, { description: 'Rows already imported, as they were' }) unchanged!: number;
  @Field(() => [SurveyImportProblemType]) problems!: SurveyImportProblemType[];
}

@ObjectType('SurveyResponse', { description: 'The answer to a survey invitation' })
export class SurveyResponseType {
  @Field(() => ID) id!: string;
  @Field(() => String) invitationKey!: string;
  @Field(() => SurveyKindEnum) kind!: SurveyKind;
  @Field(() => Int) score!: number;
  @Field(() => String, {
    nullable: true,
    description:
      "The customer's words: PII, null unless you are CASE_HANDLER, VOC_ANALYST, QA_EVALUATOR or ADMIN",
  })
  verbatim!: string | null;
  @Field(() => Date) answeredAt!: Date;
  @Field(() => ID) centerId!: string;
  @Field(() => String, { nullable: true, description: 'The agent who handled the contact' })
  agentEmployeeNo!: string | null;
  @Field(() => String, { nullable: true }) queueCode!: string | null;
  @Field(() => Date, { description: "The contact's arrival: the period the response counts in" })
  contactArrivedAt!: Date;
  @Field(() => String) contactSource!: string;
  @Field(() => String) contactExternalId!: string;
}
