import type { AgentStateEvent, ContactRecord, RejectedRecord } from '../../contact/contact-record';
import { CALL_ENDS, contactOf, type CallEnd, type EndedCall, type OpenCall } from './queue-log-call';
import { MEMBER_CHANGES, QueueLogAgentActivity, type MemberChange } from './queue-log-agent-activity';
import { customerKeyFromCallerId, employeeNoFromAgent, noneToNull } from './queue-log-channel';
import { dataPart, epochToDate, epochToIso, splitQueueLogLine, type QueueLogLine } from './queue-log-line';

export interface QueueLogOptions {
  /** ContactRecord.source / AgentStateEvent.source, e.g. "asterisk" or the PBX's name. */
  source: string;
  /**
   * How long (in log time) an ended call's callid is remembered, so that the same call entering
   * another queue (overflow, transfer to a queue) is numbered `#2`, `#3`… Default 24 hours.
   */
  reentryWindowSeconds?: number;
  /**
   * Told of each queue entry as it starts and as it is answered (a live follower turns these into
   * live events); what push() returns is the same with or without it.
   */
  live?: QueueLogLiveListener;
}

export interface QueueLogLiveListener {
  entered(entry: {
    externalId: string;
    queue: string;
    at: Date;
    customerKey: string | null;
    line: number;
  }): void;
  connected(entry: { externalId: string; agent: string | null; at: Date; line: number }): void;
}

export interface QueueLogOutput {
  contacts: ContactRecord[];
  agentStates: AgentStateEvent[];
  rejected: RejectedRecord[];
}

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Incremental, I/O-free reader of an Asterisk queue_log: feed it lines in file order, collect the
 * records each line completes. Memory holds the calls still in a queue, the agents on a call and
 * the callids ended within `reentryWindowSeconds`, never the file.
 *
 * One ContactRecord per queue entry (ENTERQUEUE), emitted when the entry ends. externalId is the
 * callid (Asterisk's uniqueid) for its first entry and `${callid}#n` for the n-th, so re-reading a
 * file gives the same ids. A call whose entries are split across two files read by two parsers
 * restarts at the plain callid: feed rotated files through one parser to keep the numbering.
 */
export class QueueLogParser {
  private readonly source: string;
  private readonly reentryWindowSeconds: number;
  private readonly open = new Map<string, OpenCall>();
  /** Insertion-ordered by end time, so forgetting old entries stops at the first recent one. */
  private readonly ended = new Map<string, EndedCall>();
  private readonly activity: QueueLogAgentActivity;
  private latestEpoch = 0;
  private readonly live: QueueLogLiveListener | undefined;

  constructor(options: QueueLogOptions) {
    this.source = options.source;
    this.live = options.live;
    this.reentryWindowSeconds = options.reentryWindowSeconds ?? DAY_SECONDS;
    this.activity = new QueueLogAgentActivity(options.source);
  }

  /** Queue entries seen entering and not yet ended. */
  get openCalls(): number {
    return this.open.size;
  }

  /** Ended callids still remembered for re-entry numbering. */
  get rememberedCalls(): number {
    return this.ended.size;
  }

  /** Feed one line (without its newline) and its 1-based line number; returns what it completed. */
  push(text: string, lineNumber: number): QueueLogOutput {
    const out: QueueLogOutput = { contacts: [], agentStates: [], rejected: [] };
    const split = splitQueueLogLine(text);
    if (split.kind === 'blank') return out;
    if (split.kind === 'malformed') {
      out.rejected.push({ line: lineNumber, field: split.field, reason: split.reason });
      return out;
    }
    const { line } = split;
    this.latestEpoch = Math.max(this.latestEpoch, line.epoch);
    const read = new LineRead(line, lineNumber, out);
    const callEnd = CALL_ENDS.get(line.event);
    const memberChange = MEMBER_CHANGES.get(line.event);
    if (line.event === 'ENTERQUEUE') this.enter(read);
    else if (line.event === 'CONNECT') this.connect(read);
    else if (line.event === 'RINGNOANSWER') this.ringNoAnswer(read);
    else if (callEnd) this.finish(read, callEnd);
    else if (memberChange) this.member(read, memberChange);
    // Anything else (QUEUESTART, CONFIGRELOAD, DID, INFO, RINGCANCELED, AGENTDUMP, SYSCOMPAT, …)
    // says nothing about a contact or an agent's state.
    return out;
  }

  /** No more input: every call still in a queue is reported, not guessed. Resets the parser. */
  end(): QueueLogOutput {
    const out: QueueLogOutput = { contacts: [], agentStates: [], rejected: [] };
    for (const call of this.open.values()) {
      const answered = call.connect ? `, answered ${epochToIso(call.connect.epoch)}` : '';
      out.rejected.push({
        line: call.enteredLine,
        field: 'event',
        reason: `call ${call.externalId} (queue ${call.queue}, entered ${epochToIso(call.enteredEpoch)}${answered}) never ended in this file`,
      });
    }
    this.open.clear();
    this.ended.clear();
    this.activity.clear();
    this.latestEpoch = 0;
    return out;
  }

  private enter(read: LineRead): void {
    const { line } = read;
    const queue = noneToNull(line.queue);
    if (noneToNull(line.callid) === null) return read.reject('callid', 'ENTERQUEUE without a call id');
    if (queue === null) return read.reject('queue', 'ENTERQUEUE without a queue name');
    if (line.data.length < 2) {
      return read.reject(
        'line',
        `ENTERQUEUE needs url|callerid data, found ${line.data.length} data field(s)`,
      );
    }
    const previous = this.open.get(line.callid);
    if (previous) {
      if (this.isBackwards(read, previous.lastEpoch, previous.lastLine)) return;
      read.out.rejected.push({
        line: previous.enteredLine,
        field: 'event',
        reason: `call ${previous.externalId} (queue ${previous.queue}, entered ${epochToIso(previous.enteredEpoch)}) never ended: it entered queue ${queue} on line ${read.lineNumber} with no end line first`,
      });
      if (previous.connect?.agent) this.activity.dropped(previous.connect.agent);
      this.close(previous, line.epoch, read.lineNumber, false);
    }
    const before = this.ended.get(line.callid);
    if (before && this.isBackwards(read, before.endedEpoch, before.endedLine)) return;
    const entry = (before?.entries ?? 0) + 1;
    this.ended.delete(line.callid);
    const call: OpenCall = {
      callid: line.callid,
      externalId: entry === 1 ? line.callid : `${line.callid}#${entry}`,
      entry,
      queue,
      customerKey: customerKeyFromCallerId(dataPart(line, 2)),
      enteredEpoch: line.epoch,
      enteredLine: read.lineNumber,
      lastEpoch: line.epoch,
      lastLine: read.lineNumber,
      connect: null,
    };
    this.open.set(line.callid, call);
    this.live?.entered({
      externalId: call.externalId,
      queue,
      at: read.at,
      customerKey: call.customerKey,
      line: read.lineNumber,
    });
  }

  private connect(read: LineRead): void {
    const call = this.callOf(read);
    if (!call) return;
    if (call.connect) {
      return read.reject(
        'event',
        `second CONNECT for call ${call.externalId}, already answered ${epochToIso(call.connect.epoch)}`,
      );
    }
    touch(call, read);
    const agent = employeeNoFromAgent(read.line.agent);
    call.connect = { epoch: read.line.epoch, agent };
    this.live?.connected({ externalId: call.externalId, agent, at: read.at, line: read.lineNumber });
    if (agent) read.out.agentStates.push(...this.activity.connected(agent, read.at, call.queue));
  }

  /** A member was rung and did not answer: the call keeps waiting; nothing to emit. */
  private ringNoAnswer(read: LineRead): void {
    const call = this.callOf(read);
    if (call) touch(call, read);
  }

  private finish(read: LineRead, end: CallEnd): void {
    const { line } = read;
    const before = this.ended.get(line.callid);
    // Some 1.8-era builds log COMPLETECALLER/COMPLETEAGENT when the bridge of a transferred call
    // breaks up, after TRANSFER has already ended the entry: nothing new, so not a rejection.
    if (!this.open.has(line.callid) && before?.byTransfer && line.event.startsWith('COMPLETE')) return;
    const call = this.callOf(read);
    if (!call) return;
    if (end.answered && !call.connect) {
      return read.reject('event', `${line.event} for call ${call.externalId}, which was never connected`);
    }
    if (!end.answered && call.connect) {
      return read.reject(
        'event',
        `${line.event} for call ${call.externalId} after it was answered ${epochToIso(call.connect.epoch)}`,
      );
    }
    touch(call, read);
    this.close(call, line.epoch, read.lineNumber, end.transferred);
    read.out.contacts.push(contactOf(call, this.source, line.epoch, end));
    const agent = call.connect?.agent;
    if (agent) read.out.agentStates.push(...this.activity.released(agent, read.at, call.queue));
  }

  private member(read: LineRead, change: MemberChange): void {
    const { line } = read;
    const agent = employeeNoFromAgent(line.agent);
    if (agent === null) return read.reject('agent', `${line.event} without an agent`);
    const first = dataPart(line, 1);
    const changes = this.activity.member({
      change,
      agent,
      at: read.at,
      queue: noneToNull(line.queue),
      // PAUSE's data1 is the reason on 1.8+; older versions leave it empty.
      reason: change === 'PAUSE' && first !== '' ? first : null,
      // AMI QueueAdd with Paused: true logs ADDMEMBER with data1 "PAUSED".
      addedPaused: line.event === 'ADDMEMBER' && first.toUpperCase() === 'PAUSED',
    });
    read.out.agentStates.push(...changes);
  }

  /** The open entry a call line belongs to, after the checks every call line must pass. */
  private callOf(read: LineRead): OpenCall | null {
    const { line } = read;
    const call = this.open.get(line.callid);
    if (!call) {
      const before = this.ended.get(line.callid);
      read.reject(
        'event',
        before
          ? `${line.event} for call ${line.callid} after it ended ${epochToIso(before.endedEpoch)} (line ${before.endedLine})`
          : `${line.event} for call ${line.callid} without ENTERQUEUE`,
      );
      return null;
    }
    if (this.isBackwards(read, call.lastEpoch, call.lastLine)) return null;
    if (line.queue !== call.queue) {
      read.reject(
        'queue',
        `${line.event} in queue ${line.queue} for call ${call.externalId} in queue ${call.queue}`,
      );
      return null;
    }
    return call;
  }

  private isBackwards(read: LineRead, previousEpoch: number, previousLine: number): boolean {
    if (read.line.epoch >= previousEpoch) return false;
    read.reject(
      'epoch',
      `${read.line.event} at ${epochToIso(read.line.epoch)} is earlier than call ${read.line.callid}'s line ${previousLine} at ${epochToIso(previousEpoch)}`,
    );
    return true;
  }

  private close(call: OpenCall, endedEpoch: number, endedLine: number, byTransfer: boolean): void {
    this.open.delete(call.callid);
    this.ended.set(call.callid, { entries: call.entry, endedEpoch, endedLine, byTransfer });
    const horizon = this.latestEpoch - this.reentryWindowSeconds;
    for (const [callid, ended] of this.ended) {
      if (ended.endedEpoch >= horizon) break;
      this.ended.delete(callid);
    }
  }
}

/** One accepted line in flight: where it is and where its output goes. */
class LineRead {
  readonly at: Date;

  constructor(
    readonly line: QueueLogLine,
    readonly lineNumber: number,
    readonly out: QueueLogOutput,
  ) {
    this.at = epochToDate(line.epoch);
  }

  reject(field: string, reason: string): void {
    this.out.rejected.push({ line: this.lineNumber, field, reason });
  }
}

function touch(call: OpenCall, read: LineRead): void {
  call.lastEpoch = read.line.epoch;
  call.lastLine = read.lineNumber;
}

/** The whole text at once: for tests and small files. Lines split on \n (a trailing \r is dropped). */
export function parseQueueLog(text: string, options: QueueLogOptions): QueueLogOutput {
  const parser = new QueueLogParser(options);
  const all: QueueLogOutput = { contacts: [], agentStates: [], rejected: [] };
  const collect = (part: QueueLogOutput): void => {
    all.contacts.push(...part.contacts);
    all.agentStates.push(...part.agentStates);
    all.rejected.push(...part.rejected);
  };
  text.split('\n').forEach((line, index) => collect(parser.push(line, index + 1)));
  collect(parser.end());
  return all;
}
