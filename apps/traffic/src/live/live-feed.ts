import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@switchboard/server';
import { liveChanges } from './live-changes';
import { liveQueues, type LiveQueuesAnswer } from './live-queues.query';

/** At most one push per this many ms to a subscription (env LIVE_PUSH_INTERVAL_MS). */
export const PUSH_INTERVAL_MS = Number(process.env.LIVE_PUSH_INTERVAL_MS ?? 1_500);
/** A comment line this often keeps proxies and clients from closing a quiet stream. */
export const HEARTBEAT_MS = Number(process.env.LIVE_HEARTBEAT_MS ?? 15_000);

export interface LiveSubscriber {
  /** Sends a payload (JSON text). */
  push(json: string): void;
  heartbeat(): void;
}

/** What is compared to decide whether anything changed: the answer without its read time. */
export function payloadHash(answer: LiveQueuesAnswer): string {
  return createHash('sha1')
    .update(JSON.stringify({ ...answer, asOf: null }))
    .digest('base64');
}

/**
 * Subscribers of one (center, queues, time zone) share one computation: when a live event commits in
 * this process, or at the next tick (events that reached another replica, and waits growing), the
 * answer is read once and pushed to each subscriber only if its hash changed, never more often than
 * PUSH_INTERVAL_MS.
 */
class FeedGroup {
  readonly subscribers = new Set<LiveSubscriber>();
  private lastJson: string | null = null;
  private lastHash: string | null = null;
  private lastRead = 0;
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly read: () => Promise<LiveQueuesAnswer>,
    private readonly logger: Logger,
  ) {}

  /** A new subscriber gets the latest payload at once. */
  add(subscriber: LiveSubscriber): void {
    this.subscribers.add(subscriber);
    if (this.lastJson !== null) subscriber.push(this.lastJson);
    else this.wake();
  }

  /** Something may have changed: read now, or as soon as the interval allows. */
  wake(): void {
    if (this.reading) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    const wait = Math.max(0, this.lastRead + PUSH_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reading = this.refresh().finally(() => {
        this.reading = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
    }, wait);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async refresh(): Promise<void> {
    this.lastRead = Date.now();
    if (this.subscribers.size === 0) return;
    try {
      const answer = await this.read();
      const hash = payloadHash(answer);
      if (hash === this.lastHash) return;
      this.lastHash = hash;
      this.lastJson = JSON.stringify(answer);
      for (const s of this.subscribers) s.push(this.lastJson);
    } catch (error) {
      this.logger.warn({ err: error }, 'live feed: reading the queues failed');
    }
  }
}

export class LiveFeed {
  private readonly groups = new Map<string, FeedGroup>();
  private readonly onChange = (): void => this.groups.forEach((g) => g.wake());
  private readonly tick: NodeJS.Timeout;
  private readonly beat: NodeJS.Timeout;

  constructor(
    private readonly em: EntityManager,
    private readonly logger: Logger,
  ) {
    liveChanges.on('change', this.onChange);
    this.tick = setInterval(this.onChange, PUSH_INTERVAL_MS).unref();
    this.beat = setInterval(
      () => this.groups.forEach((g) => g.subscribers.forEach((s) => s.heartbeat())),
      HEARTBEAT_MS,
    ).unref();
  }

  /** Subscribes; returns the unsubscribe. */
  subscribe(
    args: { centerId: string; queueIds: string[] | null; timeZone: string },
    subscriber: LiveSubscriber,
  ): () => void {
    const key = JSON.stringify([
      args.centerId,
      args.queueIds ? [...args.queueIds].sort() : null,
      args.timeZone,
    ]);
    let group = this.groups.get(key);
    if (!group) {
      group = new FeedGroup(
        () => liveQueues(this.em.fork(), args.centerId, args.queueIds, args.timeZone, { outlook: true }),
        this.logger,
      );
      this.groups.set(key, group);
    }
    const joined = group;
    joined.add(subscriber);
    return () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size === 0) {
        joined.stop();
        this.groups.delete(key);
      }
    };
  }

  get subscriberCount(): number {
    let n = 0;
    this.groups.forEach((g) => (n += g.subscribers.size));
    return n;
  }

  close(): void {
    liveChanges.off('change', this.onChange);
    clearInterval(this.tick);
    clearInterval(this.beat);
    this.groups.forEach((g) => g.stop());
    this.groups.clear();
  }
}
