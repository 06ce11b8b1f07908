import {
  contactMetrics,
  emptyContactTotals,
  handleSeconds,
  talkSeconds,
  waitSeconds,
  type ContactMetrics,
  type ContactTotals,
} from '@switchboard/metrics';
import { demoRoster } from './demo-roster';
import { demoContacts, type DemoContact } from './demo-traffic';
import { demoQueues } from './demo-traffic-queues';

const cpuMs = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;

/** Monday 2026-11-02 00:00 Asia/Shanghai; four whole weeks, so every weekday counts four times. */
const FROM = new Date('2026-11-01T16:00:00Z');
const DAYS = 28;
const LOCAL = 8 * 3_600_000;
const localHour = (c: DemoContact): number => new Date(c.arrivedAt.getTime() + LOCAL).getUTCHours();
const localDate = (c: DemoContact): string =>
  new Date(c.arrivedAt.getTime() + LOCAL).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

/** METRICS.md totals summed straight from records (T = 20 s, S = 5 s), then the shared formulas. */
function metricsOf(contacts: DemoContact[]): ContactMetrics {
  const totals: ContactTotals = emptyContactTotals();
  for (const c of contacts) {
    if (c.outcome === 'IVR') totals.ivr += 1;
    if (c.direction !== 'INBOUND' || (c.outcome !== 'ANSWERED' && c.outcome !== 'ABANDONED')) continue;
    const wait = waitSeconds(c);
    totals.maxWaitSeconds = Math.max(totals.maxWaitSeconds ?? 0, wait);
    if (c.outcome === 'ABANDONED') {
      totals.abandoned += 1;
      if (wait < 5) totals.shortAbandoned += 1;
      if (wait <= 20) totals.abandonedWithinThreshold += 1;
      continue;
    }
    totals.answered += 1;
    if (wait <= 20) totals.answeredWithinThreshold += 1;
    if (c.transferred) totals.transferred += 1;
    totals.waitSecondsAnswered += wait;
    totals.handleSeconds += handleSeconds(c) ?? 0;
    totals.talkSeconds += talkSeconds(c) ?? 0;
    totals.holdSeconds += c.holdSeconds;
    totals.acwSeconds += c.acwSeconds;
  }
  return contactMetrics(totals);
}

/** Share of keyed contacts whose customer contacted the center in the 7 days before. */
function repeatShare(contacts: DemoContact[]): number {
  const last = new Map<string, number>();
  let keyed = 0;
  let repeats = 0;
  for (const c of contacts) {
    if (!c.customerKey) continue;
    keyed += 1;
    const previous = last.get(c.customerKey);
    if (previous !== undefined && c.arrivedAt.getTime() - previous <= 7 * 86_400_000) repeats += 1;
    last.set(c.customerKey, c.arrivedAt.getTime());
  }
  return repeats / keyed;
}

function groupBy<K>(contacts: DemoContact[], key: (c: DemoContact) => K): Map<K, DemoContact[]> {
  const groups = new Map<K, DemoContact[]>();
  for (const c of contacts) {
    const k = key(c);
    const group = groups.get(k);
    if (group) group.push(c);
    else groups.set(k, [c]);
  }
  return groups;
}

describe('demo traffic', () => {
  let month: DemoContact[];
  /** CPU time, not wall time: other processes on the machine do not count against it. */
  let generationMs: number;
  beforeAll(() => {
    const started = process.cpuUsage();
    month = [...demoContacts({ from: FROM, days: DAYS })];
    const used = process.cpuUsage(started);
    generationMs = (used.user + used.system) / 1000;
  });
  const voice = (): DemoContact[] => month.filter((c) => c.channel === 'VOICE');

  it('gives the same sequence for the same options, another for another seed', () => {
    const twice = [...demoContacts({ from: FROM, days: 2 })];
    expect([...demoContacts({ from: FROM, days: 2 })]).toEqual(twice);
    expect(month.slice(0, 200)).toEqual(twice.slice(0, 200));
    expect([...demoContacts({ from: FROM, days: 2, seed: 7 })].slice(0, 200)).not.toEqual(
      twice.slice(0, 200),
    );
  });

  it('streams: the first contacts of ten years come at once', () => {
    const started = process.cpuUsage(); // this process's CPU, not wall time: other work on the machine cannot fail it
    const contacts = demoContacts({ from: FROM, days: 3650 });
    for (let i = 0; i < 100; i += 1) expect(contacts.next().done).toBe(false);
    expect(cpuMs(process.cpuUsage(started))).toBeLessThan(2_000); // all ten years would take a minute
  });

  it('is fast: a month of about 100k contacts, in arrival order, with unique stable ids', () => {
    console.log(`demo traffic: ${month.length} contacts in ${generationMs.toFixed(0)} ms of CPU`);
    expect(month.length).toBeGreaterThan(80_000);
    expect(month.length).toBeLessThan(140_000);
    // Plain node makes a month in about 0.3 s. Jest's vm sandbox slows every global lookup, and the
    // PRNG (random.ts) looks up Math.imul on each draw, so here it takes 1-2 s: the bound allows for it.
    expect((generationMs * 100_000) / month.length).toBeLessThan(4_000);
    expect(month.findIndex((c, i) => i > 0 && c.arrivedAt < month[i - 1].arrivedAt)).toBe(-1);
    expect(new Set(month.map((c) => c.externalId)).size).toBe(month.length);
    expect(month[0]).toMatchObject({ source: 'demo', externalId: 'demo-1' });
    expect(
      month.every((c) => c.arrivedAt >= FROM && c.arrivedAt.getTime() < FROM.getTime() + DAYS * 86_400_000),
    ).toBe(true);
  });

  it('keeps every record within the canonical rules', () => {
    const broken = month.filter(
      (c) =>
        (c.answeredAt !== null) !== (c.outcome === 'ANSWERED') ||
        (c.answeredAt ?? c.arrivedAt) < c.arrivedAt ||
        c.endedAt < (c.answeredAt ?? c.arrivedAt) ||
        c.holdSeconds < 0 ||
        c.acwSeconds < 0 ||
        (c.answeredAt !== null && c.holdSeconds > (talkSeconds(c) ?? 0)) ||
        (c.transferred && c.outcome !== 'ANSWERED') ||
        (c.direction === 'INBOUND' && c.outcome !== 'IVR' && !c.queue) ||
        (c.outcome === 'IVR' && (c.queue !== null || c.channel !== 'VOICE')) ||
        (c.outcome === 'ANSWERED') !== (c.agent !== null),
    );
    expect(broken).toEqual([]);
  });

  it('has answered share, abandon rate and service level in the ranges bank centers report', () => {
    const all = metricsOf(month);
    const inboundVoice = metricsOf(voice());
    const figures = {
      answeredShare: all.answered / all.offered,
      abandonRate: all.abandonRate,
      voiceServiceLevel: inboundVoice.serviceLevel,
      voiceAsa: inboundVoice.asaSeconds,
      voiceAht: inboundVoice.ahtSeconds,
      ivrContainment: inboundVoice.ivrContainmentRate,
      transferRate: all.transferRate,
      repeatShare: repeatShare(month),
      overflow: month.filter((c) => c.outcome === 'OVERFLOW').length,
    };
    console.log('demo traffic figures', figures);
    expect(figures.answeredShare).toBeGreaterThan(0.8);
    expect(figures.answeredShare).toBeLessThan(0.95);
    expect(figures.abandonRate).toBeGreaterThan(0.03);
    expect(figures.abandonRate).toBeLessThan(0.15);
    expect(figures.voiceServiceLevel).toBeGreaterThan(0.6);
    expect(figures.voiceServiceLevel).toBeLessThan(0.9);
    expect(figures.voiceAht).toBeGreaterThan(180);
    expect(figures.voiceAht).toBeLessThan(480);
    expect(figures.ivrContainment).toBeGreaterThan(0.1);
    expect(figures.ivrContainment).toBeLessThan(0.3);
    expect(figures.transferRate).toBeGreaterThan(0.05);
    expect(figures.transferRate).toBeLessThan(0.1);
    expect(figures.repeatShare).toBeGreaterThan(0.15);
    expect(figures.repeatShare).toBeLessThan(0.25);
    expect(figures.overflow).toBeGreaterThan(0);
    expect(figures.overflow).toBeLessThan(month.length / 100);
  });

  it('abandons more where callers wait longer: busiest hours against quietest, long waits against short', () => {
    const byHour = [...groupBy(voice(), localHour).values()]
      .map(metricsOf)
      .sort((a, b) => a.offered - b.offered);
    const rate = (hours: ContactMetrics[]): number =>
      hours.reduce((s, h) => s + h.abandoned, 0) / hours.reduce((s, h) => s + h.offered, 0);
    expect(rate(byHour.slice(-4))).toBeGreaterThan(2 * rate(byHour.slice(0, 4)));
    // Queue-intervals by their average speed of answer: the slower half loses more callers.
    const intervals = [
      ...groupBy(voice(), (c) => `${c.queue}@${Math.floor(c.arrivedAt.getTime() / 900_000)}`).values(),
    ]
      .map(metricsOf)
      .filter((m) => m.asaSeconds !== null)
      .sort((a, b) => (a.asaSeconds ?? 0) - (b.asaSeconds ?? 0));
    const half = Math.floor(intervals.length / 2);
    expect(rate(intervals.slice(half))).toBeGreaterThan(2 * rate(intervals.slice(0, half)));
  });

  it('follows the week and the day: weekdays over weekends, Monday first, office hours over nights', () => {
    const days = [...groupBy(month, localDate).entries()];
    expect(days).toHaveLength(DAYS);
    const perDay = (days: number[], queues: (c: DemoContact) => boolean = () => true): number =>
      mean(
        [...groupBy(month.filter(queues), localDate).entries()]
          .filter(([date]) => days.includes(weekday(date)))
          .map(([, list]) => list.length),
      );
    expect(perDay([1, 2, 3, 4, 5])).toBeGreaterThan(1.4 * perDay([0, 6]));
    expect(perDay([1, 2, 3, 4, 5])).toBeGreaterThan(3000);
    expect(perDay([1, 2, 3, 4, 5])).toBeLessThan(6000);
    // Campaign spikes aside (they fall on any day), Monday is the busiest day.
    const permanent = (c: DemoContact): boolean => !c.queue?.startsWith('CTU-');
    expect(perDay([1], permanent)).toBeGreaterThan(perDay([2, 3, 4, 5], permanent));
    const hours = groupBy(month, localHour);
    expect(hours.get(10)?.length).toBeGreaterThan(10 * (hours.get(3)?.length ?? 0));
    expect(hours.get(14)?.length).toBeGreaterThan(hours.get(12)?.length ?? 0);
  });

  it('has campaign days at 2-3x the usual campaign volume', () => {
    const campaign = [
      ...groupBy(
        month.filter((c) => c.queue === 'CTU-ACTIVATION'),
        localDate,
      ).values(),
    ]
      .map((list) => list.length)
      .sort((a, b) => a - b);
    const median = campaign[Math.floor(campaign.length / 2)];
    expect(campaign.at(-1)).toBeGreaterThan(1.8 * median);
  });

  it('lets only active agents of the answering teams take calls, and scales volume', () => {
    const roster = demoRoster(undefined, undefined, '2026-11-29');
    const queues = new Map(demoQueues().map((q) => [q.code, q]));
    const teamOf = new Map(
      roster.agents.filter((a) => a.status === 'ACTIVE').map((a) => [a.employeeNo, a.teams.at(-1)?.teamCode]),
    );
    const strangers = month.filter(
      (c) => c.agent !== null && !queues.get(c.queue ?? '')?.teamCodes.includes(teamOf.get(c.agent) ?? ''),
    );
    expect(strangers).toEqual([]);
    expect(new Set(month.map((c) => c.agent)).size).toBeGreaterThan(120);
    const centers = new Set(roster.centers.map((c) => c.code));
    const teams = new Set(roster.teams.map((t) => t.code));
    for (const q of queues.values()) {
      expect(centers.has(q.centerCode)).toBe(true);
      expect(q.teamCodes.every((t) => teams.has(t))).toBe(true);
    }
    const day = (scale: number): number => [...demoContacts({ from: FROM, days: 1, scale })].length;
    expect(day(2) / day(1)).toBeGreaterThan(1.7);
    expect(day(2) / day(1)).toBeLessThan(2.3);
  });
});
