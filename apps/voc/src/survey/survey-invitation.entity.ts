import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { INVITATION_STATUSES, type InvitationStatus } from '../model/enums';

/**
 * A survey sent to the customer of one traffic contact (by its natural key: no cross-database
 * foreign key), on one form revision, attributed when imported to the agent who handled the
 * contact, its queue and the import's center, and to the contact's arrival (the period rule of
 * every contact metric). Its natural key is the survey platform's invitation id.
 */
@Entity({ tableName: 'voc_survey_invitation' })
@Check({
  name: 'voc_survey_invitation_key_length',
  expression: 'char_length(invitation_key) between 1 and 200',
})
@Unique({ name: 'voc_survey_invitation_key_unique', properties: ['invitationKey'] })
@Index({ name: 'voc_survey_invitation_center_idx', properties: ['centerId', 'contactArrivedAt'] })
@Index({ name: 'voc_survey_invitation_arrived_idx', properties: ['contactArrivedAt'] })
export class SurveyInvitation {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The survey platform's id of the invitation: importing it again finds this row. */
  @Property({ type: 'text' })
  invitationKey!: string;

  @Property({ type: 'uuid' })
  formId!: string;

  @Property({ type: 'uuid' })
  centerId!: string;

  @Property({ type: 'text' })
  contactSource!: string;

  @Property({ type: 'text' })
  contactExternalId!: string;

  @Property({ type: 'timestamptz' })
  contactArrivedAt!: Date;

  @Property({ type: 'timestamptz' })
  contactEndedAt!: Date;

  /** The agent's team on the contact's arrival day (staff's history, read at import); null: none. */
  @Property({ type: 'uuid', nullable: true })
  teamId: string | null = null;

  /** The agent who handled the contact (null: nobody did). */
  @Property({ type: 'text', nullable: true })
  agentEmployeeNo: string | null = null;

  @Property({ type: 'text', nullable: true })
  queueCode: string | null = null;

  @Property({ type: 'timestamptz' })
  sentAt!: Date;

  @Enum({ items: () => [...INVITATION_STATUSES], nativeEnumName: 'voc_survey_invitation_status' })
  status!: InvitationStatus;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
