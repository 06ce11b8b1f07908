import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intradayProfile, shanghaiClock, WEEKDAY_FACTOR, type DemoContact } from '@switchboard/demo';
import { generatedContacts, planGeneration, type GeneratorOptions } from './contact-stream';
import { generateFiles } from './generate-files';
import { shanghaiMidnight } from './generate-command';

const OPTIONS: GeneratorOptions = {
  contacts: 60_000,
  days: 28,
  sites: 1,
  from: shanghaiMidnight('2026-10-05'),
  seed: 7,
};

describe('contact generator', () => {
  let contacts: DemoContact[];
  beforeAll(() => {
    contacts = [...generatedContacts(OPTIONS)];
  });

  it('stops at exactly the contacts asked for, in arrival order, with unique ids', () => {
    expect(contacts).toHaveLength(OPTIONS.contacts);
    for (let i = 1; i < contacts.length; i += 1)
      expect(contacts[i].arrivedAt.getTime()).toBeGreaterThanOrEqual(contacts[i - 1].arrivedAt.getTime());
    expect(new Set(contacts.map((c) => c.externalId)).size).toBe(contacts.length);
  });

  it('sizes teams to the volume: more contacts, more agents', () => {
    const small = planGeneration({ ...OPTIONS, contacts: 10_000 });
    const large = planGeneration({ ...OPTIONS, contacts: 1_000_000 });
    expect(large.organisation.roster.agents.length).toBeGreaterThan(
      small.organisation.roster.agents.length * 5,
    );
    expect(planGeneration({ ...OPTIONS, sites: 3 }).organisation.models).toHaveLength(30);
  });

  it('follows the intraday profile of the Cards queue (Poisson counts per hour within tolerance)', () => {
    // Cards is open around the clock; its IVR-contained calls (no queue) leave at random times.
    const cards = contacts.filter((c) => c.queue === 'SHA-CARDS');
    const byHour = new Array<number>(24).fill(0);
    for (const c of cards) byHour[shanghaiClock(c.arrivedAt.getTime()).hour] += 1;
    const shares = intradayProfile('VOICE', null).actual;
    const expectedShare = (hour: number): number =>
      shares.slice(hour * 4, hour * 4 + 4).reduce((a, b) => a + b, 0);
    const total = byHour.reduce((a, b) => a + b, 0);
    for (const hour of [3, 10, 14, 20]) {
      const expected = total * expectedShare(hour);
      // Day-to-day noise on top of Poisson: allow 5 standard deviations and 12%.
      expect(Math.abs(byHour[hour] - expected)).toBeLessThan(
        Math.max(5 * Math.sqrt(expected), expected * 0.12),
      );
    }
    expect(byHour[10]).toBeGreaterThan(byHour[3] * 10);
  });

  it('follows the weekday profile: Mondays busier than Sundays by the profile ratio', () => {
    // The first three weeks: the window's last day or so is cut where the contacts asked for run out.
    const threeWeeks = OPTIONS.from.getTime() + 21 * 86_400_000;
    const byWeekday = new Array<number>(7).fill(0);
    for (const c of contacts)
      if (c.queue?.startsWith('SHA-') && c.arrivedAt.getTime() < threeWeeks)
        byWeekday[shanghaiClock(c.arrivedAt.getTime()).weekday] += 1;
    const ratio = byWeekday[1] / byWeekday[0];
    const expected = WEEKDAY_FACTOR[1] / WEEKDAY_FACTOR[0];
    expect(ratio).toBeGreaterThan(expected * 0.85);
    expect(ratio).toBeLessThan(expected * 1.15);
  });

  it('abandons more where callers wait longer (per queue and interval)', () => {
    const intervals = new Map<
      string,
      { offered: number; abandoned: number; wait: number; answered: number }
    >();
    for (const c of contacts) {
      if (!c.queue || c.channel !== 'VOICE') continue;
      const key = `${c.queue}@${Math.floor(c.arrivedAt.getTime() / 900_000)}`;
      const s = intervals.get(key) ?? { offered: 0, abandoned: 0, wait: 0, answered: 0 };
      s.offered += 1;
      if (c.outcome === 'ABANDONED') s.abandoned += 1;
      if (c.answeredAt) {
        s.answered += 1;
        s.wait += (c.answeredAt.getTime() - c.arrivedAt.getTime()) / 1000;
      }
      intervals.set(key, s);
    }
    const rows = [...intervals.values()]
      .filter((s) => s.answered >= 3)
      .map((s) => ({ asa: s.wait / s.answered, ...s }));
    rows.sort((a, b) => a.asa - b.asa);
    const rate = (part: typeof rows) =>
      part.reduce((n, s) => n + s.abandoned, 0) / part.reduce((n, s) => n + s.offered, 0);
    const quarter = Math.floor(rows.length / 4);
    const shortWaits = rate(rows.slice(0, quarter));
    const longWaits = rate(rows.slice(-quarter));
    expect(longWaits).toBeGreaterThan(shortWaits * 3);
    expect(longWaits).toBeGreaterThan(0.05);
  });

  it('has repeat callers: some customer keys call again within 7 days, most do not', () => {
    const seen = new Map<string, number>();
    let repeats = 0;
    let keyed = 0;
    for (const c of contacts) {
      if (!c.customerKey) continue;
      keyed += 1;
      const last = seen.get(c.customerKey);
      if (last !== undefined && c.arrivedAt.getTime() - last <= 7 * 86_400_000) repeats += 1;
      seen.set(c.customerKey, c.arrivedAt.getTime());
    }
    expect(repeats / keyed).toBeGreaterThan(0.08);
    expect(repeats / keyed).toBeLessThan(0.5);
  });

  it('lognormal handle times: right-skewed talk time (mean above median)', () => {
    const talk = contacts
      .filter((c) => c.queue === 'SHA-CARDS' && c.answeredAt)
      .map((c) => (c.endedAt.getTime() - (c.answeredAt as Date).getTime()) / 1000 - c.holdSeconds)
      .sort((a, b) => a - b);
    const median = talk[Math.floor(talk.length / 2)];
    const mean = talk.reduce((a, b) => a + b, 0) / talk.length;
    // SHA-CARDS: median 230 s, sigma 0.6, so the mean is e^(0.18) = 1.2 times the median.
    expect(median).toBeGreaterThan(200);
    expect(median).toBeLessThan(260);
    expect(mean / median).toBeGreaterThan(1.1);
    expect(mean / median).toBeLessThan(1.3);
  });
});

describe('generated files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-generator-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (out: string, seed: number) =>
    generateFiles({
      ...OPTIONS,
      contacts: 5_000,
      days: 3,
      seed,
      outDir: join(dir, out),
      formats: ['csv', 'ndjson', 'queue_log', 'table'],
      people: true,
      progress: false,
    });

  it('same seed, same bytes; another seed, other bytes', async () => {
    const [a, b, c] = [await write('a', 11), await write('b', 11), await write('c', 12)];
    for (const kind of ['csv', 'ndjson', 'queue_log', 'table', 'roster', 'lms', 'qa'] as const) {
      expect(readFileSync(a.paths[kind] as string)).toEqual(readFileSync(b.paths[kind] as string));
    }
    expect(readFileSync(a.paths.csv as string)).not.toEqual(readFileSync(c.paths.csv as string));
    expect(
      readFileSync(a.paths.csv as string, 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(5_001);
  });

  it('queue_log lines are in time order, and name each voice queue contact once on entry', async () => {
    const files = await write('d', 13);
    const lines = readFileSync(files.paths.queue_log as string, 'utf8')
      .trim()
      .split('\n');
    const epochs = lines.map((l) => Number(l.split('|')[0]));
    for (let i = 1; i < epochs.length; i += 1) expect(epochs[i]).toBeGreaterThanOrEqual(epochs[i - 1]);
    const voice = readFileSync(files.paths.csv as string, 'utf8')
      .split('\n')
      .filter((l) => l.includes(',VOICE,') && !l.includes(',IVR,'));
    expect(lines.filter((l) => l.includes('|ENTERQUEUE|'))).toHaveLength(voice.length);
    expect(lines.filter((l) => l.includes('|ADDMEMBER|')).length).toBe(
      lines.filter((l) => l.includes('|REMOVEMEMBER|')).length,
    );
  });
});
