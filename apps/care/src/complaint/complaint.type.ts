import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { COMPLAINT_DEADLINE_BASES, COMPLAINT_OUTCOMES, COMPLAINT_RISK_REASONS } from '@switchboard/metrics';
import {
  COMPLAINT_AXES,
  COMPLAINT_SEVERITIES,
  COMPLAINT_SOURCES,
  FOLLOW_UP_SATISFACTIONS,
} from './complaint.entity';

const enumOf = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
export const ComplaintSeverityEnum = enumOf(COMPLAINT_SEVERITIES);
registerEnumType(ComplaintSeverityEnum, { name: 'ComplaintSeverity' });
export const ComplaintSourceEnum = enumOf(COMPLAINT_SOURCES);
registerEnumType(ComplaintSourceEnum, {
  name: 'ComplaintSource',
  description: 'DIRECT, ESCALATED_FROM_CASE, REGULATOR_REFERRAL (12378, PBoC), SOCIAL_MEDIA',
});
export const ComplaintOutcomeEnum = enumOf(COMPLAINT_OUTCOMES);
registerEnumType(ComplaintOutcomeEnum, { name: 'ComplaintOutcome' });
export const ComplaintDeadlineBasisEnum = enumOf(COMPLAINT_DEADLINE_BASES);
registerEnumType(ComplaintDeadlineBasisEnum, {
  name: 'ComplaintDeadlineBasis',
  description: '15 calendar days from receipt, or 30 / 60 after an approved extension',
});
export const FollowUpSatisfactionEnum = enumOf(FOLLOW_UP_SATISFACTIONS);
registerEnumType(FollowUpSatisfactionEnum, { name: 'FollowUpSatisfaction' });
export const ComplaintAxisEnum = enumOf(COMPLAINT_AXES);
registerEnumType(ComplaintAxisEnum, {
  name: 'ComplaintAxis',
  description: 'JR/T 0169-2018: CHANNEL (A), BUSINESS (B), REASON (C)',
});
export const ComplaintRiskReasonEnum = enumOf(COMPLAINT_RISK_REASONS);
registerEnumType(ComplaintRiskReasonEnum, { name: 'ComplaintRiskReason' });

@ObjectType('ComplaintCode', { description: 'One code of the complaint code lists (versioned)' })
export class ComplaintCodeType {
  @Field(() => Int) version!: number;
  @Field(() => String) versionLabel!: string;
  @Field(() => ComplaintAxisEnum) axis!: string;
  @Field(() => String) code!: string;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { description: "JR/T 0169-2018, or the bank's (who added it)" }) origin!: string;
}

@ObjectType('Complaint', {
  description: 'The complaint record of a case of type COMPLAINT, with its regulatory clock',
})
@Directive('@key(fields: "id")')
export class ComplaintType {
  @Field(() => ID, { description: "The case's id" }) id!: string;
  @Field(() => ID, { description: "staff's Center id" }) centerId!: string;
  @Field(() => ID, { nullable: true, description: "The case's owning team (staff's Team id)" }) teamId!:
    | string
    | null;
  @Field(() => String, {
    description:
      'The customer key; masked (last 4 kept) unless you are CASE_HANDLER or ADMIN (reads audit-logged)',
  })
  customerKey!: string;
  @Field(() => DateTimeISOResolver) receivedAt!: Date;
  @Field(() => Int, { description: 'The code list version the codes were filed under' })
  taxonomyVersion!: number;
  @Field(() => String, { description: 'Axis A: channel code' }) channelCode!: string;
  @Field(() => String, { description: 'Axis B: business code' }) businessCode!: string;
  @Field(() => String, { description: 'Axis C: reason code' }) reasonCode!: string;
  @Field(() => String, { nullable: true }) productCode!: string | null;
  @Field(() => ComplaintSeverityEnum) severity!: string;
  @Field(() => ComplaintSourceEnum) source!: string;
  @Field(() => String, { nullable: true, description: "The case's type before it became a complaint" })
  escalatedFromType!: string | null;
  @Field(() => String, { nullable: true, description: "The complained-about agent's employee number" })
  subjectAgentNo!: string | null;
  @Field(() => String, { description: "The handler's employee number (never the subject)" })
  handlerAgentNo!: string;
  @Field(() => ComplaintDeadlineBasisEnum) deadlineBasis!: string;
  @Field(() => String, { description: 'The last local day (center time zone) a decision is in time' })
  deadlineDate!: string;
  @Field(() => DateTimeISOResolver, { description: 'The instant the deadline passes' }) deadlineAt!: Date;
  @Field(() => String) timeZone!: string;
  @Field(() => String, { nullable: true }) extensionApprovedBy!: string | null;
  @Field(() => String, { nullable: true }) extensionReason!: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) extendedAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Decided or withdrawn' })
  closedAt!: Date | null;
  @Field(() => ComplaintOutcomeEnum, { nullable: true }) outcome!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Closed before its deadline passed (null while open)',
  })
  timely!: boolean | null;
  @Field(() => Boolean, { description: 'Open and past its deadline (now)' }) overdue!: boolean;
  @Field(() => DateTimeISOResolver, { nullable: true }) customerInformedAt!: Date | null;
  @Field(() => String, { nullable: true }) remedy!: string | null;
  @Field(() => String, { nullable: true, description: 'Exact decimal, e.g. "200.00"' }) remedyAmount!:
    | string
    | null;
  @Field(() => String) remedyCurrency!: string;
  @Field(() => String, { nullable: true }) rootCause!: string | null;
  @Field(() => String, { nullable: true }) correctiveAction!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) correctiveActionDue!: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) correctiveActionDoneAt!: Date | null;
  @Field(() => FollowUpSatisfactionEnum, { nullable: true }) followUpSatisfaction!: string | null;
  /** the stored (unmasked) key and the encrypted verbatim, for the PII field resolver */
  storedCustomerKey!: string;
  verbatimEnc!: Buffer | null;
}

@ObjectType('ComplaintRisk', {
  description: 'The complaint-risk flag of a case (docs/METRICS.md, Complaints)',
})
export class ComplaintRiskType {
  @Field(() => Boolean) atRisk!: boolean;
  @Field(() => [ComplaintRiskReasonEnum]) reasons!: string[];
  @Field(() => Int) brokenCommitments!: number;
  @Field(() => Int, { description: 'The most inbound contacts of the case inside 7 days' })
  repeatContacts!: number;
}

@ObjectType('ComplaintStatsRow', { description: 'Complaint counts and rates of one group' })
export class ComplaintStatsRowType {
  @Field(() => String, { nullable: true }) channelCode!: string | null;
  @Field(() => String, { nullable: true }) businessCode!: string | null;
  @Field(() => String, { nullable: true }) reasonCode!: string | null;
  @Field(() => String, { nullable: true }) productCode!: string | null;
  @Field(() => ID, { nullable: true }) centerId!: string | null;
  @Field(() => ID, { nullable: true }) teamId!: string | null;
  @Field(() => String, { nullable: true, description: 'The complained-about agent' }) subjectAgentNo!:
    | string
    | null;
  @Field(() => Int) received!: number;
  @Field(() => Int, { description: 'Decided or withdrawn in the period' }) closed!: number;
  @Field(() => Int) closedTimely!: number;
  @Field(() => Int, { description: 'Closed with a decision on the merits (not withdrawn)' }) decided!: number;
  @Field(() => Int) upheld!: number;
  @Field(() => Int, { description: 'Open and past deadline at the end of the period (or now)' })
  overdueOpen!: number;
  @Field(() => Int) escalatedFromCase!: number;
  @Field(() => Float, { nullable: true }) complaintTimelyRate!: number | null;
  @Field(() => Float, { nullable: true }) upheldRate!: number | null;
}

@ObjectType('ComplaintKpis', { description: 'The complaint KPIs of a scope and period' })
export class ComplaintKpisType {
  @Field(() => Int) received!: number;
  @Field(() => Int, { description: "Answered contacts in the same scope and period (traffic's)" })
  answeredContacts!: number;
  @Field(() => Int) casesOpened!: number;
  @Field(() => Int, { description: 'Cases opened in the period, of another type, that became complaints' })
  escalatedCases!: number;
  @Field(() => Float, { nullable: true }) complaintsPer10k!: number | null;
  @Field(() => Float, { nullable: true }) complaintTimelyRate!: number | null;
  @Field(() => Float, { nullable: true }) upheldRate!: number | null;
  @Field(() => Float, { nullable: true }) escalatedToComplaintRate!: number | null;
}
