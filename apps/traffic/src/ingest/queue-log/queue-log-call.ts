import type { ContactRecord, Outcome } from '../../contact/contact-record';
import { epochToDate } from './queue-log-line';

/** How the line that ends a queue entry classifies it. */
export interface CallEnd {
  outcome: Outcome;
  answered: boolean;
  transferred: boolean;
}

const ANSWERED: CallEnd = { outcome: 'ANSWERED', answered: true, transferred: false };
const TRANSFERRED: CallEnd = { outcome: 'ANSWERED', answered: true, transferred: true };
const ABANDONED: CallEnd = { outcome: 'ABANDONED', answered: false, transferred: false };
// Timed out or no member left: the dialplan sends the call on (another queue, voicemail).
const OVERFLOW: CallEnd = { outcome: 'OVERFLOW', answered: false, transferred: false };

/**
 * The lines that end one queue entry. A Map, so an event named "constructor" finds nothing.
 *
 * Data layouts assumed, from Asterisk's queue_log documentation and app_queue (written without
 * the source at hand; only the parts marked * are read, every time comes from the line's epoch):
 *   ENTERQUEUE       url | callerid* | position (position from 1.8; 1.2-1.6 stop at callerid)
 *   CONNECT          holdtime | bridged channel uniqueid | ringtime (older: fewer parts)
 *   RINGNOANSWER     ringtime in milliseconds
 *   COMPLETEAGENT    holdtime | calltime | origposition (COMPLETECALLER the same)
 *   TRANSFER         extension | context | holdtime | calltime | origposition (BLINDTRANSFER too)
 *   ATTENDEDTRANSFER BRIDGE|bridge id, APP|app name or LINK|chan1|chan2, then holdtime | calltime
 *                    | origposition (12+)
 *   ABANDON          position | origposition | waittime (EXITWITHTIMEOUT, EXITEMPTY the same;
 *                    1.2's EXITWITHTIMEOUT has position only)
 *   EXITWITHKEY      key | position (| origposition | waittime on newer versions)
 * The agent field of CONNECT, RINGNOANSWER, COMPLETE* and the transfers is the member (its
 * interface, or its name with log_membername_as_agent); ENTERQUEUE, ABANDON and EXIT* say NONE.
 * 12+ logs only the *TRANSFER line for a transferred entry; see QueueLogParser for older builds.
 */
export const CALL_ENDS: ReadonlyMap<string, CallEnd> = new Map([
  ['COMPLETEAGENT', ANSWERED],
  ['COMPLETECALLER', ANSWERED],
  ['TRANSFER', TRANSFERRED],
  ['ATTENDEDTRANSFER', TRANSFERRED],
  ['BLINDTRANSFER', TRANSFERRED],
  ['ABANDON', ABANDONED],
  // The caller pressed a key to leave the queue (e.g. "1 for voicemail"): not served by an agent.
  ['EXITWITHKEY', ABANDONED],
  ['EXITWITHTIMEOUT', OVERFLOW],
  ['EXITEMPTY', OVERFLOW],
]);

export interface OpenCall {
  callid: string;
  externalId: string;
  /** 1 for the callid's first queue entry, 2 for the next… */
  entry: number;
  queue: string;
  customerKey: string | null;
  enteredEpoch: number;
  enteredLine: number;
  lastEpoch: number;
  lastLine: number;
  connect: { epoch: number; agent: string | null } | null;
}

export interface EndedCall {
  entries: number;
  endedEpoch: number;
  endedLine: number;
  byTransfer: boolean;
}

/**
 * The canonical record of an ended entry. queue_log carries no on-hold time (its "holdtime" is the
 * queue wait, already answeredAt - arrivedAt) and no after-call work (wrapuptime leaves no line),
 * so holdSeconds and acwSeconds are 0 and wrapupCode null.
 */
export function contactOf(call: OpenCall, source: string, endedEpoch: number, end: CallEnd): ContactRecord {
  return {
    source,
    externalId: call.externalId,
    channel: 'VOICE',
    direction: 'INBOUND',
    queue: call.queue,
    agent: call.connect?.agent ?? null,
    customerKey: call.customerKey,
    arrivedAt: epochToDate(call.enteredEpoch),
    answeredAt: call.connect ? epochToDate(call.connect.epoch) : null,
    endedAt: epochToDate(endedEpoch),
    holdSeconds: 0,
    acwSeconds: 0,
    outcome: end.outcome,
    transferred: end.transferred,
    wrapupCode: null,
  };
}
