import type { DemoContact } from '@switchboard/demo';

interface Pending {
  epoch: number;
  sequence: number;
  text: string;
}

/** An agent logs off after this long without a call, and back on with their next one. */
const IDLE_LOGOFF_SECONDS = 3600;

const epochOf = (date: Date): number => Math.round(date.getTime() / 1000);
const before = (a: Pending, b: Pending): boolean =>
  a.epoch < b.epoch || (a.epoch === b.epoch && a.sequence < b.sequence);

/**
 * Asterisk queue_log lines (`epoch|callid|queue|agent|event|data…`) for the voice contacts that
 * reached a queue, in time order: contacts come in arrival order, their later lines (CONNECT, the
 * end) wait in a min-heap until the clock passes them. Members: ADDMEMBER when an agent takes a
 * call while logged off, REMOVEMEMBER after an hour without one. Memory: the calls in progress and
 * the agents logged in. IVR, chat and WeChat contacts have no queue_log line (Asterisk queues only).
 */
export class QueueLogLines {
  private readonly heap: Pending[] = [];
  private sequence = 0;
  /** Every line before this epoch has been written. */
  private written = 0;
  /** Agent -> queue and the epoch their last call (with its wrap-up) ends. */
  private readonly members = new Map<string, { queue: string; lastEnd: number }>();

  /** The lines due before `contact` arrives, then the contact's own lines queued. */
  add(contact: DemoContact): string {
    if (contact.channel !== 'VOICE' || contact.queue === null) return '';
    const arrived = epochOf(contact.arrivedAt);
    const out = this.flushBefore(arrived);
    const { externalId: callid, queue } = contact;
    const ended = epochOf(contact.endedAt);
    const wait = (contact.answeredAt ? epochOf(contact.answeredAt) : ended) - arrived;
    this.push(arrived, `${callid}|${queue}|NONE|ENTERQUEUE||${contact.customerKey ?? ''}|1`);
    if (contact.outcome === 'ANSWERED' && contact.answeredAt && contact.agent) {
      const agent = contact.agent;
      if (!this.members.has(agent)) this.push(arrived, `NONE|${queue}|PJSIP/${agent}|ADDMEMBER|`);
      const answered = epochOf(contact.answeredAt);
      const talk = ended - answered;
      this.push(answered, `${callid}|${queue}|PJSIP/${agent}|CONNECT|${wait}|${callid}.1|2`);
      this.push(
        ended,
        contact.transferred
          ? `${callid}|${queue}|PJSIP/${agent}|TRANSFER|2000|from-internal|${wait}|${talk}|1`
          : `${callid}|${queue}|PJSIP/${agent}|COMPLETEAGENT|${wait}|${talk}|1`,
      );
      const lastEnd = Math.max(this.members.get(agent)?.lastEnd ?? 0, ended + contact.acwSeconds);
      this.members.set(agent, { queue, lastEnd });
    } else {
      const event = contact.outcome === 'OVERFLOW' ? 'EXITWITHTIMEOUT' : 'ABANDON';
      this.push(ended, `${callid}|${queue}|NONE|${event}|1|1|${wait}`);
    }
    return out;
  }

  /** Every line still due, and the members logged off after their last call. */
  end(): string {
    for (const [agent, member] of this.members) this.logoff(agent, member, member.lastEnd);
    this.members.clear();
    return this.flushBefore(Number.POSITIVE_INFINITY);
  }

  private logoff(agent: string, member: { queue: string }, at: number): void {
    this.push(Math.max(at, this.written), `NONE|${member.queue}|PJSIP/${agent}|REMOVEMEMBER|`);
  }

  private flushBefore(epoch: number): string {
    for (const [agent, member] of this.members) {
      if (member.lastEnd + IDLE_LOGOFF_SECONDS < epoch) {
        this.logoff(agent, member, member.lastEnd + IDLE_LOGOFF_SECONDS);
        this.members.delete(agent);
      }
    }
    let out = '';
    while (this.heap.length && this.heap[0].epoch < epoch) {
      const line = this.pop();
      out += `${line.epoch}|${line.text}\n`;
    }
    if (Number.isFinite(epoch)) this.written = Math.max(this.written, epoch);
    return out;
  }

  private push(epoch: number, text: string): void {
    const heap = this.heap;
    heap.push({ epoch, sequence: this.sequence++, text });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (before(heap[parent], heap[i])) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  private pop(): Pending {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as Pending;
    if (heap.length === 0) return top;
    heap[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left], heap[smallest])) smallest = left;
      if (left + 1 < heap.length && before(heap[left + 1], heap[smallest])) smallest = left + 1;
      if (smallest === i) return top;
      [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
      i = smallest;
    }
  }
}
