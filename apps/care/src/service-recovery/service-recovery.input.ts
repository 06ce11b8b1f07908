import { IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Text } from '../model/text';
import { Field, ID, InputType, Int } from 'type-graphql';
import { CommitmentContactInput } from '../commitment/commitment.input';

@InputType('ServiceRecoveryInput', {
  description:
    "A dissatisfied survey answer (CSAT ≤ 2 with a verbatim) to recover: the contact it was about and the agent it is attributed to (voc's)",
})
export class ServiceRecoveryInput {
  @Field(() => String, {
    description: "voc's survey response id: one recovery per response (the same key again returns the first)",
  })
  @Text(200)
  responseKey!: string;

  @Field(() => ID, { description: "staff's Center id: its business calendar sets the due time" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;

  @Field(() => CommitmentContactInput, { description: 'The traffic contact the survey was sent about' })
  @ValidateNested()
  contact!: CommitmentContactInput;

  @Field(() => String, { description: 'The agent the survey is attributed to (who handled the contact)' })
  @Text(64)
  agentEmployeeNo!: string;

  @Field(() => Int, { description: 'The CSAT score (1 to 5): only 1 and 2 are recovered' })
  @Min(1, { message: 'must be at least 1' })
  @Max(5, { message: 'must be at most 5' })
  score!: number;

  @Field(() => Date, { nullable: true, description: 'When the customer answered (for the record)' })
  @IsOptional()
  answeredAt?: Date | null;
}
