import { DateTimeISOResolver } from 'graphql-scalars';
import { PageInfoType } from '@switchboard/subgraph-kit';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { CaseEventType, CaseType } from '../case/case.type';
import { CommitmentType } from '../commitment/commitment.type';

export enum TimelineKind {
  CONTACT = 'CONTACT',
  CASE_EVENT = 'CASE_EVENT',
  COMMITMENT = 'COMMITMENT',
}
registerEnumType(TimelineKind, { name: 'TimelineKind', description: 'What a timeline item is' });

/** Staff's Agent, as care names it: by employee number. */
@ObjectType('Agent')
@Directive('@key(fields: "employeeNo")')
export class CareAgentRef {
  @Field(() => String) employeeNo!: string;
}

@ObjectType('TimelineContact', { description: "A traffic contact on the customer's timeline" })
export class TimelineContactType {
  @Field(() => String) source!: string;
  @Field(() => String) externalId!: string;
  @Field(() => String, { description: 'VOICE, CHAT, WECHAT, APP, SMS, EMAIL, VIDEO' }) channel!: string;
  @Field(() => String) direction!: string;
  @Field(() => String) outcome!: string;
  @Field(() => String, { nullable: true }) queueCode!: string | null;
}

export enum CommitmentOriginKind {
  /** A dissatisfied survey answer (service recovery, issue 19): voc asked care for the call-back. */
  SURVEY_ANSWER = 'SURVEY_ANSWER',
  /** Made on a case's contact. */
  CASE = 'CASE',
  /** Made by an agent on a contact. */
  CONTACT = 'CONTACT',
}
registerEnumType(CommitmentOriginKind, {
  name: 'CommitmentOriginKind',
  description: 'What a commitment on the timeline came from',
});

@ObjectType('CommitmentOrigin', { description: 'What a commitment came from' })
export class CommitmentOriginType {
  @Field(() => CommitmentOriginKind) kind!: CommitmentOriginKind;
  @Field(() => String, {
    nullable: true,
    description: "SURVEY_ANSWER: voc's survey response (its responseKey)",
  })
  surveyResponseKey!: string | null;
}

@ObjectType('TimelineItem', { description: 'One thing that happened with the customer' })
export class TimelineItemType {
  @Field(() => TimelineKind) kind!: TimelineKind;
  @Field(() => DateTimeISOResolver) at!: Date;
  @Field(() => String, { nullable: true, description: 'A contact: its channel' }) channel!: string | null;
  @Field(() => CareAgentRef, { nullable: true, description: 'A contact: the agent who handled it' })
  agent!: CareAgentRef | null;
  @Field(() => String, { nullable: true, description: 'A contact: its queue code' }) queueCode!:
    | string
    | null;
  @Field(() => TimelineContactType, { nullable: true }) contact!: TimelineContactType | null;
  @Field(() => CaseType, {
    nullable: true,
    description: 'The case: of a case event, or the case a contact is linked to (if you see it)',
  })
  case!: CaseType | null;
  @Field(() => CaseEventType, { nullable: true }) caseEvent!: CaseEventType | null;
  @Field(() => CommitmentType, {
    nullable: true,
    description: 'A commitment (at: when it was made), if you see it',
  })
  commitment?: CommitmentType | null;
  @Field(() => CommitmentOriginType, { nullable: true, description: 'A commitment: what it came from' })
  origin?: CommitmentOriginType | null;
}

@ObjectType('Timeline')
export class TimelineType {
  @Field(() => [TimelineItemType], { description: 'Newest first' }) items!: TimelineItemType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}
