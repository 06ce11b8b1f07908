import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { QueueLogParser } from '@switchboard/traffic';
import { CliError, type CliConnection } from './gateway-client';

/**
 * Where a follower is, kept in a state file after every batch the traffic service took: the file
 * (inode), the byte offset read up to, and the offset of the oldest call still in a queue. A restart
 * reads again from that call's ENTERQUEUE line, so the parser knows the calls still open; the events
 * it sends a second time are in the event log already and skipped there (natural key).
 */
export interface FollowState {
  inode: number;
  offset: number;
  /** Where a restart reads from (<= offset). */
  replayFrom: number;
  /** Line number of `replayFrom` in the file (rejections name lines). */
  replayLine: number;
}

export interface FollowOptions {
  source?: string;
  state?: string;
  /** Poll interval, ms. */
  pollMs?: number;
  /** Lines set aside (garbage, events the service refused), one JSON object a line. */
  rejected?: string;
  /** Stop after this many ms without new lines (tests); default never. */
  idleExitMs?: number;
}

type LiveEvent = Record<string, unknown>;

interface Pending {
  event: LiveEvent;
  /** The line it came from and its text, to set it aside if the service refuses it. */
  line: number;
  text: string;
}

const CHUNK = 256 * 1024;
const MAX_BATCH = 500;

/**
 * `switchboard follow queue_log <file>`: tails a live Asterisk queue_log and sends what happens as
 * live events (POST /events through the gateway): calls entering a queue, answered, abandoned, ended
 * (the parser of the file import, so the contact records are the ones a file import writes) and
 * agents' states. Survives rotation (a new inode: the old file is read to its end first), truncation
 * (a shorter file: read again from its start) and restarts (the state file). Garbage lines and
 * events the service refuses are written to the rejected file and counted; the follower goes on.
 */
export class QueueLogFollower {
  private state: FollowState;
  private readonly statePath: string;
  private readonly rejectedPath: string;
  private readonly source: string;
  private parser: QueueLogParser;
  private pending: Pending[] = [];
  /** Byte offset of each open call's ENTERQUEUE line, by external id (for replayFrom). */
  private readonly openAt = new Map<string, { offset: number; line: number }>();
  private fd: number | null = null;
  private partial = Buffer.alloc(0);
  private lineNumber = 0;
  private lineStart = 0;
  private stopped = false;
  /** Lines before this offset were read before a restart: their garbage was set aside then. */
  private replayUntil = 0;
  readonly totals = {
    lines: 0,
    sent: 0,
    accepted: 0,
    duplicates: 0,
    setAside: 0,
    rotations: 0,
    truncations: 0,
  };

  constructor(
    private readonly connection: CliConnection,
    private readonly file: string,
    private readonly options: FollowOptions,
    private readonly print: (line: string) => void,
  ) {
    this.source = options.source ?? 'asterisk';
    this.statePath = options.state ?? `${file}.follow-state.json`;
    this.rejectedPath = options.rejected ?? `${file}.rejected.ndjson`;
    this.state = this.loadState();
    this.parser = this.newParser();
  }

  stop(): void {
    this.stopped = true;
  }

  private newParser(): QueueLogParser {
    return new QueueLogParser({
      source: this.source,
      live: {
        entered: (e) => {
          this.openAt.set(e.externalId, { offset: this.lineStart, line: e.line });
          this.queue(
            {
              type: 'CONTACT_QUEUED',
              external_id: e.externalId,
              at: e.at.toISOString(),
              queue: e.queue,
              channel: 'VOICE',
              customer_key: e.customerKey,
            },
            e.line,
          );
        },
        connected: (e) =>
          this.queue(
            { type: 'CONTACT_ANSWERED', external_id: e.externalId, at: e.at.toISOString(), agent: e.agent },
            e.line,
          ),
      },
    });
  }

  private currentText = '';

  private queue(event: LiveEvent, line: number): void {
    this.pending.push({ event: { source: this.source, ...event }, line, text: this.currentText });
  }

  private loadState(): FollowState {
    if (existsSync(this.statePath)) {
      try {
        return JSON.parse(readFileSync(this.statePath, 'utf8')) as FollowState;
      } catch {
        this.print(`state file ${this.statePath} is unreadable: starting from the beginning of the file`);
      }
    }
    return { inode: 0, offset: 0, replayFrom: 0, replayLine: 0 };
  }

  private saveState(): void {
    writeFileSync(this.statePath, `${JSON.stringify(this.state)}\n`);
  }

  private setAside(entry: Record<string, unknown>): void {
    this.totals.setAside += 1;
    appendFileSync(this.rejectedPath, `${JSON.stringify({ file: this.file, ...entry })}\n`);
  }

  /** Opens the file (or its successor), resuming where the state says. */
  private open(): boolean {
    if (!existsSync(this.file)) return false;
    const fd = openSync(this.file, 'r');
    const inode = fstatSync(fd).ino;
    if (this.state.inode === inode && fstatSync(fd).size >= this.state.offset) {
      this.lineStart = this.state.replayFrom;
      this.lineNumber = this.state.replayLine;
      this.replayUntil = this.state.offset;
    } else {
      if (this.state.inode !== 0)
        this.print(`${this.file} is another file than the state names: reading it from its start`);
      this.state = { inode, offset: 0, replayFrom: 0, replayLine: 0 };
      this.replayUntil = 0;
      this.lineStart = 0;
      this.lineNumber = 0;
    }
    this.fd = fd;
    this.partial = Buffer.alloc(0);
    return true;
  }

  /** Reads what the open file has past the last complete line; returns whether anything was read. */
  private readAvailable(): boolean {
    if (this.fd === null) return false;
    let any = false;
    const buffer = Buffer.alloc(CHUNK);
    for (;;) {
      const position = this.lineStart + this.partial.length;
      const n = readSync(this.fd, buffer, 0, CHUNK, position);
      if (n === 0) return any;
      any = true;
      let data = Buffer.concat([this.partial, buffer.subarray(0, n)]);
      let newline: number;
      while ((newline = data.indexOf(10)) !== -1) {
        const text = data.subarray(0, newline).toString('utf8');
        this.lineNumber += 1;
        this.handleLine(text);
        this.lineStart += newline + 1;
        data = data.subarray(newline + 1);
      }
      this.partial = Buffer.from(data);
    }
  }

  private handleLine(text: string): void {
    this.totals.lines += 1;
    this.currentText = text;
    const out = this.parser.push(text, this.lineNumber);
    const replayed = this.lineStart < this.replayUntil;
    for (const r of replayed ? [] : out.rejected)
      this.setAside({
        line: r.line,
        field: r.field,
        reason: r.reason,
        text: r.line === this.lineNumber ? text : undefined,
      });
    for (const c of out.contacts) {
      this.openAt.delete(c.externalId);
      const at = c.endedAt.toISOString();
      if (c.outcome === 'ABANDONED')
        this.queue({ type: 'CONTACT_ABANDONED', external_id: c.externalId, at }, this.lineNumber);
      else
        this.queue(
          {
            type: 'CONTACT_ENDED',
            external_id: c.externalId,
            at,
            transferred: c.transferred,
            ...(c.outcome === 'ANSWERED' ? {} : { outcome: c.outcome }),
          },
          this.lineNumber,
        );
    }
    for (const s of out.agentStates)
      this.queue(
        {
          type: 'AGENT_STATE',
          agent: s.agent,
          at: s.at.toISOString(),
          state: s.state,
          reason: s.reason,
          queue: s.queue,
        },
        this.lineNumber,
      );
  }

  /** Sends the pending events; on success moves the state on. Throws CliError when refused outright. */
  private async send(): Promise<void> {
    const consumed = this.lineStart;
    const consumedLine = this.lineNumber;
    while (this.pending.length) {
      const batch = this.pending.slice(0, MAX_BATCH);
      const url = new URL('/events', this.connection.gatewayUrl);
      url.searchParams.set('source', this.source);
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-ndjson',
          ...(this.connection.token ? { authorization: `Bearer ${this.connection.token}` } : {}),
        },
        body: batch.map((p) => JSON.stringify(p.event)).join('\n'),
      });
      const text = await response.text();
      if (response.status === 401 || response.status === 403 || response.status === 400)
        throw new CliError(`the gateway refused the events (HTTP ${response.status}): ${text.slice(0, 300)}`);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
      for (const answer of text.trim().split('\n').filter(Boolean)) {
        const a = JSON.parse(answer) as {
          type: string;
          line?: number;
          field?: string;
          reason?: string;
          accepted?: number;
          duplicates?: number;
          message?: string;
        };
        if (a.type === 'rejected') {
          const p = batch[(a.line ?? 1) - 1];
          this.setAside({
            line: p?.line,
            field: a.field,
            reason: `refused by the service: ${a.reason}`,
            event: p?.event,
            text: p?.text,
          });
        } else if (a.type === 'report') {
          this.totals.accepted += a.accepted ?? 0;
          this.totals.duplicates += a.duplicates ?? 0;
        } else if (a.type === 'error') throw new Error(a.message);
      }
      this.totals.sent += batch.length;
      this.pending = this.pending.slice(batch.length);
    }
    let replayFrom = consumed;
    let replayLine = consumedLine;
    for (const at of this.openAt.values())
      if (at.offset < replayFrom) {
        replayFrom = at.offset;
        replayLine = at.line - 1;
      }
    this.state = { ...this.state, offset: consumed, replayFrom, replayLine };
    this.saveState();
  }

  /** Checks for rotation or truncation; returns true when the file in hand is finished with. */
  private checkFile(): void {
    if (this.fd === null) {
      if (this.open()) this.print(`following ${this.file} from byte ${this.lineStart}`);
      return;
    }
    let current: { ino: number; size: number } | null = null;
    try {
      current = statSync(this.file);
    } catch {
      current = null; // rotated away, the new one not created yet
    }
    const held = fstatSync(this.fd);
    if (current && current.ino !== held.ino) {
      // Rotated: the old file's rest was read by the last readAvailable; go on with the new one.
      this.readAvailable();
      closeSync(this.fd);
      this.fd = null;
      this.totals.rotations += 1;
      this.print(`${this.file} was rotated: following the new file`);
      this.state = { inode: 0, offset: 0, replayFrom: 0, replayLine: 0 };
      this.openAt.clear();
      this.open();
      return;
    }
    if (held.size < this.lineStart + this.partial.length) {
      this.totals.truncations += 1;
      this.print(`${this.file} was truncated: reading it again from its start`);
      this.lineStart = 0;
      this.lineNumber = 0;
      this.replayUntil = 0;
      this.partial = Buffer.alloc(0);
      this.openAt.clear();
    }
  }

  async run(): Promise<void> {
    const poll = this.options.pollMs ?? 500;
    let idleSince = Date.now();
    let backoff = poll;
    while (!this.stopped) {
      this.checkFile();
      const read = this.readAvailable();
      if (read) idleSince = Date.now();
      if (this.pending.length || read) {
        try {
          await this.send();
          backoff = poll;
        } catch (error) {
          if (error instanceof CliError) throw error;
          this.print(`sending failed (${(error as Error).message}); retrying in ${backoff} ms`);
          await new Promise((r) => setTimeout(r, backoff));
          backoff = Math.min(backoff * 2, 30_000);
          continue;
        }
      }
      if (this.options.idleExitMs !== undefined && Date.now() - idleSince > this.options.idleExitMs) break;
      await new Promise((r) => setTimeout(r, poll));
    }
    if (this.pending.length) await this.send().catch(() => undefined);
    if (this.fd !== null) closeSync(this.fd);
  }

  report(): string {
    const t = this.totals;
    return `lines ${t.lines}, events sent ${t.sent} (accepted ${t.accepted}, duplicates ${t.duplicates}), set aside ${t.setAside}${t.setAside ? ` (see ${this.rejectedPath})` : ''}, rotations ${t.rotations}, truncations ${t.truncations}`;
  }
}

export async function followQueueLog(
  connection: CliConnection,
  file: string,
  options: FollowOptions,
  print: (line: string) => void,
): Promise<number> {
  const follower = new QueueLogFollower(connection, file, options, print);
  const stop = (): void => follower.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await follower.run();
  print(follower.report());
  return 0;
}
