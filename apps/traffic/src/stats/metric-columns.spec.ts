import { contactMetrics, type ContactTotals, type ServiceLevelVariant } from '@switchboard/metrics';
import { METRIC_COLUMNS, type MeasureColumn } from './metric-columns';

const FIELD: Partial<Record<MeasureColumn, keyof ContactTotals>> = {
  answered: 'answered',
  abandoned: 'abandoned',
  short_abandoned: 'shortAbandoned',
  answered_within_threshold: 'answeredWithinThreshold',
  abandoned_within_threshold: 'abandonedWithinThreshold',
  transferred: 'transferred',
  ivr: 'ivr',
  voice_offered: 'voiceOffered',
  wait_seconds_answered: 'waitSecondsAnswered',
  handle_seconds: 'handleSeconds',
  talk_seconds: 'talkSeconds',
  hold_seconds: 'holdSeconds',
  acw_seconds: 'acwSeconds',
  max_wait_seconds: 'maxWaitSeconds',
};

const VARIANTS: ServiceLevelVariant[] = [
  'EXCLUDE_SHORT_ABANDONS',
  'ANSWERED_ONLY',
  'ALL_OFFERED',
  'ABANDONS_WITHIN_T_MEET',
];

function randomTotals(seed: number): ContactTotals {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % 50;
  };
  const totals = Object.fromEntries(Object.values(FIELD).map((f) => [f, next()])) as unknown as ContactTotals;
  return { ...totals, maxWaitSeconds: next() % 3 === 0 ? null : totals.maxWaitSeconds };
}

describe('METRIC_COLUMNS', () => {
  it('names every sum each metric reads: the others zeroed (null for max wait) never change it', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const totals = randomTotals(seed);
      for (const variant of VARIANTS) {
        const all = contactMetrics(totals, variant);
        for (const [metric, columns] of Object.entries(METRIC_COLUMNS)) {
          const kept = new Set(columns.map((c) => FIELD[c]));
          const only = Object.fromEntries(
            Object.entries(totals).map(([k, v]) => [
              k,
              kept.has(k as keyof ContactTotals) ? v : k === 'maxWaitSeconds' ? null : 0,
            ]),
          ) as unknown as ContactTotals;
          expect([metric, contactMetrics(only, variant)[metric as keyof typeof all]]).toEqual([
            metric,
            all[metric as keyof typeof all],
          ]);
        }
      }
    }
  });

  it('covers every metric of the library', () => {
    expect(Object.keys(METRIC_COLUMNS).sort()).toEqual(Object.keys(contactMetrics(randomTotals(7))).sort());
  });
});
