import { IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
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
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  responseKey!: string;

  @Field(() => ID, { description: "staff's Center id: its business calendar sets the due time" })
  @IsUUID('all', { message: 'must be a center id' })
  centerId!: string;

  @Field(() => CommitmentContactInput, { description: 'The traffic contact the survey was sent about' })
  contact!: CommitmentContactInput;

  @Field(() => String, { description: 'The agent the survey is attributed to (who handled the contact)' })
  @Length(1, 64, { message: 'must be 1 to 64 characters' })
  agentEmployeeNo!: string;

  @Field(() => Int, { description: 'The CSAT score (1 to 5): only 1 and 2 are recovered' })
  @Min(1, { message: 'must be at least 1' })
  @Max(5, { message: 'must be at most 5' })
  score!: number;

  @Field(() => Date, { nullable: true, description: 'When the customer answered (for the record)' })
  @IsOptional()
  answeredAt?: Date | null;
}
