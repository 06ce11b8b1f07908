import { ArrayMaxSize, ArrayMinSize, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ContactKeyInput } from '../common/contact-ref';
import { EMPLOYEE_NO_MESSAGE, EMPLOYEE_NO_PATTERN } from '../common/validation';

@InputType()
export class CreateCalibrationSessionInput {
  @Field(() => ID, { description: 'A PUBLISHED scorecard version' }) scorecardId!: string;
  @Field(() => ContactKeyInput) @ValidateNested() contact!: ContactKeyInput;

  @Field(() => String)
  @Matches(EMPLOYEE_NO_PATTERN, { message: `agentEmployeeNo ${EMPLOYEE_NO_MESSAGE}` })
  agentEmployeeNo!: string;

  @Field(() => String, { description: 'Whose score is the reference' })
  @Matches(EMPLOYEE_NO_PATTERN, { message: `calibratorEmployeeNo ${EMPLOYEE_NO_MESSAGE}` })
  calibratorEmployeeNo!: string;

  @Field(() => [String], { description: 'The evaluators being calibrated (each gets a draft evaluation)' })
  @ArrayMinSize(1, { message: 'evaluatorEmployeeNos must name at least one evaluator' })
  @ArrayMaxSize(100)
  @Matches(EMPLOYEE_NO_PATTERN, { each: true, message: `evaluatorEmployeeNos ${EMPLOYEE_NO_MESSAGE}` })
  evaluatorEmployeeNos!: string[];
}
