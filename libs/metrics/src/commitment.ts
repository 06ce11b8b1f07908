/**
 * Follow-up commitments (METRICS.md, "Customers, cases and follow-up commitments"): a promise made
 * to a customer on a contact, due at an exact instant or after a number of business minutes on the
 * center's calendar. Its status is a function of the facts (due time, fulfilment, cancellation) and
 * the moment asked, so nothing has to be written for a promise to turn BROKEN.
 */
import { addBusinessDays, addBusinessTime, type BusinessCalendar } from './business-calendar';
import { isInstant, type FieldProblem } from './validation';

export const COMMITMENT_KINDS = [
  'CALL_BACK',
  'SEND_INFO',
  'RESOLVE',
  'VISIT_BRANCH',
  'PROMISE_TO_PAY',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const COMMITMENT_CHANNELS = ['VOICE', 'SMS', 'WECHAT', 'APP', 'EMAIL'] as const;
export type CommitmentChannel = (typeof COMMITMENT_CHANNELS)[number];

export const COMMITMENT_STATUSES = [
  'OPEN',
  'FULFILLED',
  'FULFILLED_LATE',
  'BROKEN',
  'CANCELLED_BY_CUSTOMER',
  'SUPERSEDED',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
export type CommitmentCancellation = 'CANCELLED_BY_CUSTOMER' | 'SUPERSEDED';

/** Kinds a contact with the customer can fulfil; the others are kept by the case's resolution or by hand. */
export const CONTACT_FULFILLED_KINDS: readonly CommitmentKind[] = ['CALL_BACK', 'SEND_INFO'];
/** Kinds the resolution of the commitment's case fulfils. */
export const RESOLUTION_FULFILLED_KINDS: readonly CommitmentKind[] = ['CALL_BACK', 'SEND_INFO', 'RESOLVE'];
/** Default late-match window: a contact up to this many business days after due still fulfils (late). */
export const DEFAULT_LATE_MATCH_BUSINESS_DAYS = 3;
/** WeChat customer-service messages: only within 48 h of the customer's last message, 5 messages at most. */
export const WECHAT_REPLY_WINDOW_HOURS = 48;
export const WECHAT_REPLY_MESSAGE_LIMIT = 5;

export type DueSpec =
  | { basis: 'EXACT'; dueAt: Date }
  | { basis: 'BUSINESS_MINUTES'; businessMinutes: number };

export interface CommitmentInput {
  kind: CommitmentKind;
  channel: CommitmentChannel;
  madeAt: Date;
  /** Earliest time the promise may be kept ("not before Thursday"); defaults to madeAt. */
  windowStart?: Date | null;
  due: DueSpec;
}

const MINUTE_MS = 60_000;

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

/**
 * Every problem with a new commitment, each naming its field: unknown kind or channel, due before
 * (or at) the time made, a window opening after due, business minutes without a calendar.
 */
export function validateCommitment(
  input: CommitmentInput,
  calendar?: BusinessCalendar | null,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!oneOf(input.kind, COMMITMENT_KINDS)) {
    problems.push({ field: 'kind', message: `"${input.kind}" is not one of ${COMMITMENT_KINDS.join(', ')}` });
  }
  if (!oneOf(input.channel, COMMITMENT_CHANNELS)) {
    problems.push({
      field: 'channel',
      message: `"${input.channel}" is not one of ${COMMITMENT_CHANNELS.join(', ')}`,
    });
  }
  if (!isInstant(input.madeAt)) problems.push({ field: 'madeAt', message: 'is not a valid instant' });
  const windowStart = input.windowStart ?? null;
  if (windowStart !== null && !isInstant(windowStart)) {
    problems.push({ field: 'windowStart', message: 'is not a valid instant' });
  }
  const due = input.due;
  let dueAt: Date | null = null;
  if (due?.basis === 'EXACT') {
    if (!isInstant(due.dueAt)) problems.push({ field: 'dueAt', message: 'is not a valid instant' });
    else dueAt = due.dueAt;
  } else if (due?.basis === 'BUSINESS_MINUTES') {
    if (!Number.isInteger(due.businessMinutes) || due.businessMinutes <= 0) {
      problems.push({
        field: 'businessMinutes',
        message: `${due.businessMinutes} is not a whole number of minutes > 0`,
      });
    }
    if (!calendar) problems.push({ field: 'calendar', message: 'business minutes need a business calendar' });
  } else {
    problems.push({
      field: 'dueBasis',
      message: `"${(due as { basis?: unknown })?.basis}" is not EXACT or BUSINESS_MINUTES`,
    });
  }
  if (dueAt && isInstant(input.madeAt) && dueAt.getTime() <= input.madeAt.getTime()) {
    problems.push({
      field: 'dueAt',
      message: `${dueAt.toISOString()} is not after madeAt ${input.madeAt.toISOString()}`,
    });
  }
  if (windowStart && isInstant(windowStart) && isInstant(input.madeAt) && windowStart < input.madeAt) {
    problems.push({ field: 'windowStart', message: 'is before madeAt' });
  }
  if (windowStart && isInstant(windowStart) && dueAt && windowStart.getTime() > dueAt.getTime()) {
    problems.push({ field: 'windowStart', message: `is after dueAt ${dueAt.toISOString()}` });
  }
  return problems;
}

/** The due instant: the exact one, or `businessMinutes` after madeAt on the calendar. */
export function commitmentDueAt(madeAt: Date, due: DueSpec, calendar?: BusinessCalendar | null): Date {
  if (due.basis === 'EXACT') return due.dueAt;
  if (!calendar) throw new Error('business minutes need a business calendar');
  return addBusinessTime(calendar, madeAt, due.businessMinutes);
}

/** The facts a status is computed from. */
export interface CommitmentFacts {
  dueAt: Date;
  /** Calendar minutes after due still counted on time (default 0). */
  graceMinutes?: number;
  fulfilledAt?: Date | null;
  cancellation?: { status: CommitmentCancellation; at: Date } | null;
}

/** due + grace: fulfilled at or before it is on time; reaching it unfulfilled breaks the promise. */
export function commitmentDeadline(c: CommitmentFacts): Date {
  return new Date(c.dueAt.getTime() + (c.graceMinutes ?? 0) * MINUTE_MS);
}

/**
 * The status as of `now`: FULFILLED when fulfilled at or before due + grace; BROKEN from due + grace
 * while unfulfilled; FULFILLED_LATE once fulfilled after that. A cancellation (by the customer, or a
 * newer promise superseding it) takes the commitment out only when it comes before both the
 * fulfilment and the deadline: a promise already broken stays broken. Facts later than `now` are
 * not known yet and are ignored.
 */
export function commitmentStatus(c: CommitmentFacts, now: Date): CommitmentStatus {
  const t = now.getTime();
  const deadline = commitmentDeadline(c).getTime();
  const fulfilled = c.fulfilledAt && c.fulfilledAt.getTime() <= t ? c.fulfilledAt.getTime() : null;
  const cancelled = c.cancellation && c.cancellation.at.getTime() <= t ? c.cancellation : null;
  if (
    cancelled &&
    cancelled.at.getTime() < deadline &&
    (fulfilled === null || cancelled.at.getTime() < fulfilled)
  ) {
    return cancelled.status;
  }
  if (fulfilled !== null) return fulfilled <= deadline ? 'FULFILLED' : 'FULFILLED_LATE';
  return t >= deadline ? 'BROKEN' : 'OPEN';
}

/** The last instant a contact still fulfils a commitment (late): due + N business days. */
export function lateMatchDeadline(
  calendar: BusinessCalendar,
  dueAt: Date,
  businessDays = DEFAULT_LATE_MATCH_BUSINESS_DAYS,
): Date {
  return addBusinessDays(calendar, dueAt, businessDays);
}

/** A commitment as the matcher sees it. */
export interface MatchableCommitment {
  kind: CommitmentKind;
  customerKey: string;
  /** Channels a contact may use to keep it (traffic channels); at least the commitment's own. */
  allowedChannels: readonly string[];
  madeAt: Date;
  windowStart?: Date | null;
  /** lateMatchDeadline(calendar, dueAt) */
  lateMatchUntil: Date;
  ownerAgentNo: string;
  ownerTeamId?: string | null;
  /** Status as of the contact's time: only OPEN and BROKEN commitments can still be kept. */
  status: CommitmentStatus;
  /** The contact it was made on (source, external id): never its own fulfilment. */
  madeOnContact?: { source: string; externalId: string } | null;
}

/** A contact as traffic ingests it (the fields matching needs). */
export interface MatchingContact {
  source: string;
  externalId: string;
  customerKey: string | null;
  channel: string;
  direction: 'INBOUND' | 'OUTBOUND';
  /** answered (a voice/video call that reached the other side, a chat an agent took) */
  answered: boolean;
  arrivedAt: Date;
  agentNo: string | null;
  /** The agent's team at the contact's time, when known. */
  agentTeamId?: string | null;
}

/** Channels where an outbound contact only counts when it reached the customer. */
const CALL_CHANNELS = ['VOICE', 'VIDEO'];

/**
 * Why `contact` does not fulfil `commitment`, or null when it does (METRICS.md, the matching rule):
 * a kind a contact can keep; an OPEN or BROKEN commitment; the same customer key; an allowed channel;
 * OUTBOUND (a call must have been answered; a written message counts when sent), or INBOUND answered
 * by the owner or an agent of the owner's team; not the contact the promise was made on; arrived
 * within [windowStart or madeAt, lateMatchUntil].
 */
export function fulfilmentMismatch(commitment: MatchableCommitment, contact: MatchingContact): string | null {
  if (!CONTACT_FULFILLED_KINDS.includes(commitment.kind))
    return `a ${commitment.kind} is not kept by a contact`;
  if (commitment.status !== 'OPEN' && commitment.status !== 'BROKEN')
    return `the commitment is ${commitment.status}`;
  if (!contact.customerKey || contact.customerKey !== commitment.customerKey) return 'another customer';
  if (!commitment.allowedChannels.includes(contact.channel))
    return `channel ${contact.channel} is not allowed`;
  if (contact.direction === 'OUTBOUND') {
    if (CALL_CHANNELS.includes(contact.channel) && !contact.answered) return 'an unanswered call';
  } else {
    if (!contact.answered) return 'an inbound contact nobody answered';
    const byOwner = contact.agentNo !== null && contact.agentNo === commitment.ownerAgentNo;
    const byTeam = !!commitment.ownerTeamId && contact.agentTeamId === commitment.ownerTeamId;
    if (!byOwner && !byTeam) return "an inbound contact answered outside the owner's team";
  }
  const made = commitment.madeOnContact;
  if (made && made.source === contact.source && made.externalId === contact.externalId) {
    return 'the contact the promise was made on';
  }
  const from = (commitment.windowStart ?? commitment.madeAt).getTime();
  const at = contact.arrivedAt.getTime();
  if (at < from) return 'before the window opens';
  if (at > commitment.lateMatchUntil.getTime()) return 'after the late-match window';
  return null;
}

export function contactFulfils(commitment: MatchableCommitment, contact: MatchingContact): boolean {
  return fulfilmentMismatch(commitment, contact) === null;
}

/** Whether resolving the commitment's case at `resolvedAt` keeps it (any time after it was made). */
export function resolutionFulfils(
  commitment: Pick<MatchableCommitment, 'kind' | 'status' | 'madeAt'>,
  resolvedAt: Date,
): boolean {
  return (
    RESOLUTION_FULFILLED_KINDS.includes(commitment.kind) &&
    (commitment.status === 'OPEN' || commitment.status === 'BROKEN') &&
    resolvedAt.getTime() >= commitment.madeAt.getTime()
  );
}

export interface CommitmentWarning {
  field: string;
  message: string;
  /** Channels that would work instead. */
  proposedChannels: CommitmentChannel[];
}

/**
 * Warnings (not errors) on a new commitment: a WECHAT follow-up due after WeChat's reply window
 * (48 h after the customer's last message, 5 messages) cannot be sent there; propose SMS or VOICE.
 */
export function commitmentWarnings(
  channel: CommitmentChannel,
  dueAt: Date,
  wechat?: { lastCustomerMessageAt: Date | null; messagesSentSince: number },
): CommitmentWarning[] {
  if (channel !== 'WECHAT') return [];
  const last = wechat?.lastCustomerMessageAt ?? null;
  const closes = last ? last.getTime() + WECHAT_REPLY_WINDOW_HOURS * 3_600_000 : null;
  if (
    closes === null ||
    dueAt.getTime() > closes ||
    (wechat?.messagesSentSince ?? 0) >= WECHAT_REPLY_MESSAGE_LIMIT
  ) {
    const why =
      closes === null
        ? 'the customer has not written on WeChat'
        : dueAt.getTime() > closes
          ? `due after WeChat's reply window closes (${new Date(closes).toISOString()})`
          : `${WECHAT_REPLY_MESSAGE_LIMIT} messages already sent since the customer's last one`;
    return [
      {
        field: 'channel',
        message: `a WECHAT follow-up may not reach the customer: ${why}`,
        proposedChannels: ['SMS', 'VOICE'],
      },
    ];
  }
  return [];
}
