import { DateTimeISOResolver } from 'graphql-scalars';
import { PageInfoType } from '@switchboard/subgraph-kit';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { CaseEventType, CaseType } from '../case/case.type';

export enum TimelineKind {
  CONTACT = 'CONTACT',
  CASE_EVENT = 'CASE_EVENT',
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
}

@ObjectType('Timeline')
export class TimelineType {
  @Field(() => [TimelineItemType], { description: 'Newest first' }) items!: TimelineItemType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}
