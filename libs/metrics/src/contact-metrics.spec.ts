import {
  ahtSeconds,
  contactMetrics,
  DEFAULT_FCR_WINDOW_DAYS,
  DEFAULT_SERVICE_LEVEL_TARGET,
  DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS,
  DEFAULT_SERVICE_LEVEL_VARIANT,
  DEFAULT_SHORT_ABANDON_SECONDS,
  fcrRate,
  SERVICE_LEVEL_VARIANTS,
  serviceLevel,
  sumContactTotals,
  emptyContactTotals,
  type ContactTotals,
  type ServiceLevelVariant,
} from './contact-metrics';

const NONE: ContactTotals = emptyContactTotals();

const totals = (overrides: Partial<ContactTotals>): ContactTotals => ({ ...NONE, ...overrides });

// One interval, worked by hand: offered = 80 + 20 = 100.
const interval = totals({
  answered: 80,
  abandoned: 20,
  shortAbandoned: 5,
  answeredWithinThreshold: 60,
  abandonedWithinThreshold: 10,
  transferred: 8,
  ivr: 25,
  waitSecondsAnswered: 1_200,
  handleSeconds: 24_000, // = talk 18 000 + hold 2 400 + ACW 3 600
  talkSeconds: 18_000,
  holdSeconds: 2_400,
  acwSeconds: 3_600,
  maxWaitSeconds: 184.5,
});

describe('queue settings', () => {
  it('defaults: T = 20 s, S = 5 s, target 0.80, variant EXCLUDE_SHORT_ABANDONS, FCR window 7 days', () => {
    expect(DEFAULT_SERVICE_LEVEL_THRESHOLD_SECONDS).toBe(20);
    expect(DEFAULT_SHORT_ABANDON_SECONDS).toBe(5);
    expect(DEFAULT_SERVICE_LEVEL_TARGET).toBe(0.8);
    expect(DEFAULT_SERVICE_LEVEL_VARIANT).toBe('EXCLUDE_SHORT_ABANDONS');
    expect(DEFAULT_FCR_WINDOW_DAYS).toBe(7);
    expect(SERVICE_LEVEL_VARIANTS).toEqual([
      'EXCLUDE_SHORT_ABANDONS',
      'ANSWERED_ONLY',
      'ALL_OFFERED',
      'ABANDONS_WITHIN_T_MEET',
    ]);
  });
});

describe('serviceLevel', () => {
  // The same interval gives four different answers:
  //   EXCLUDE_SHORT_ABANDONS  60 / (80 + 20 − 5) = 60 / 95 = 0.6315…
  //   ANSWERED_ONLY           60 / 80            = 0.75
  //   ALL_OFFERED             60 / 100           = 0.60
  //   ABANDONS_WITHIN_T_MEET  (60 + 10) / 100    = 0.70
  it.each<[ServiceLevelVariant, string, number]>([
    ['EXCLUDE_SHORT_ABANDONS', 'answeredWithinThreshold / (answered + abandoned − shortAbandoned)', 60 / 95],
    ['ANSWERED_ONLY', 'answeredWithinThreshold / answered', 0.75],
    ['ALL_OFFERED', 'answeredWithinThreshold / offered', 0.6],
    ['ABANDONS_WITHIN_T_MEET', '(answeredWithinThreshold + abandonedWithinThreshold) / offered', 0.7],
  ])('`%s`: %s', (variant, _line, expected) => {
    expect(serviceLevel(interval, variant)).toBeCloseTo(expected, 12);
    expect(contactMetrics(interval, variant).serviceLevel).toBeCloseTo(expected, 12);
  });

  it('gives four distinct values for the four variants on that interval', () => {
    const values = SERVICE_LEVEL_VARIANTS.map((variant) => serviceLevel(interval, variant));
    expect(new Set(values).size).toBe(4);
  });

  it('"variant per queue, default `EXCLUDE_SHORT_ABANDONS`"', () => {
    expect(contactMetrics(interval).serviceLevel).toBe(serviceLevel(interval, 'EXCLUDE_SHORT_ABANDONS'));
  });

  it('refuses an unknown variant (it can arrive from a database column)', () => {
    expect(() => serviceLevel(interval, 'WITHIN_30' as ServiceLevelVariant)).toThrow(RangeError);
  });
});

describe('contactMetrics', () => {
  const metrics = contactMetrics(interval);

  it('`offered` = answered + abandoned; the counts pass through', () => {
    expect(metrics).toMatchObject({
      offered: 100,
      answered: 80,
      abandoned: 20,
      shortAbandoned: 5,
      answeredWithinThreshold: 60,
    });
  });

  it('IVR contacts are "not offered to the queue"', () => {
    expect(contactMetrics({ ...interval, ivr: 1_000 }).offered).toBe(100);
  });

  it('`asaSeconds` = Σ wait over answered / answered', () => {
    expect(metrics.asaSeconds).toBe(15); // 1 200 / 80
  });

  it('`ahtSeconds` = Σ handle / answered; `avgTalkSeconds`, `avgHoldSeconds`, `avgAcwSeconds` likewise', () => {
    expect(metrics.ahtSeconds).toBe(300); // 24 000 / 80
    expect(metrics.avgTalkSeconds).toBe(225); // 18 000 / 80
    expect(metrics.avgHoldSeconds).toBe(30); // 2 400 / 80
    expect(metrics.avgAcwSeconds).toBe(45); // 3 600 / 80
  });

  it('`abandonRate` = (abandoned − shortAbandoned) / (offered − shortAbandoned)', () => {
    expect(metrics.abandonRate).toBeCloseTo(15 / 95, 12); // (20 − 5) / (100 − 5)
  });

  it('`maxWaitSeconds` = max wait over offered', () => {
    expect(metrics.maxWaitSeconds).toBe(184.5);
  });

  it('`transferRate` = answered with `transferred` / answered', () => {
    expect(metrics.transferRate).toBe(0.1); // 8 / 80
  });

  it('`ivrContainmentRate` = IVR / (IVR + offered)', () => {
    expect(metrics.ivrContainmentRate).toBe(0.2); // 25 / (25 + 100)
  });

  it('keeps fractional seconds at full precision (no rounding)', () => {
    const fractional = contactMetrics(
      totals({ answered: 3, waitSecondsAnswered: 10, handleSeconds: 100.25 }),
    );
    expect(fractional.asaSeconds).toBe(10 / 3);
    expect(fractional.ahtSeconds).toBe(100.25 / 3);
  });
});

describe('ahtSeconds', () => {
  it('is handle seconds per answered contact, null when none was answered', () => {
    expect(ahtSeconds(630, 6)).toBe(105);
    expect(ahtSeconds(0, 0)).toBeNull();
    expect(ahtSeconds(120, 0)).toBeNull();
  });
});

describe('short abandons ("`shortAbandoned` = abandoned with `wait < S`")', () => {
  // 10 answered (8 within T), 5 abandoned of which 3 short: offered 15.
  const withShort = totals({ answered: 10, answeredWithinThreshold: 8, abandoned: 5, shortAbandoned: 3 });

  it('leave the numerator and denominator of `abandonRate`', () => {
    expect(contactMetrics(withShort).abandonRate).toBe(2 / 12); // (5 − 3) / (15 − 3)
    expect(contactMetrics({ ...withShort, shortAbandoned: 0 }).abandonRate).toBe(5 / 15);
  });

  it('leave the denominator of the default service level only', () => {
    expect(serviceLevel(withShort, 'EXCLUDE_SHORT_ABANDONS')).toBe(8 / 12);
    expect(serviceLevel(withShort, 'ALL_OFFERED')).toBe(8 / 15);
    expect(serviceLevel(withShort, 'ANSWERED_ONLY')).toBe(8 / 10);
  });

  it('give an abandon rate of 0, not null, when every abandon was short', () => {
    expect(contactMetrics({ ...withShort, shortAbandoned: 5 }).abandonRate).toBe(0); // 0 / 10
  });
});

describe('zero denominators ("null, never 0 or NaN, when the denominator is 0")', () => {
  it('an empty interval has every rate null', () => {
    const metrics = contactMetrics(NONE);
    expect(metrics).toEqual({
      offered: 0,
      answered: 0,
      abandoned: 0,
      shortAbandoned: 0,
      answeredWithinThreshold: 0,
      serviceLevel: null,
      asaSeconds: null,
      ahtSeconds: null,
      avgTalkSeconds: null,
      avgHoldSeconds: null,
      avgAcwSeconds: null,
      abandonRate: null,
      maxWaitSeconds: null,
      transferRate: null,
      ivrContainmentRate: null,
    });
    for (const variant of SERVICE_LEVEL_VARIANTS) expect(serviceLevel(NONE, variant)).toBeNull();
  });

  it('nothing answered and only short abandons: the per-answered rates are null, the others are not', () => {
    const onlyShort = totals({
      abandoned: 3,
      shortAbandoned: 3,
      abandonedWithinThreshold: 3,
      maxWaitSeconds: 4,
    });
    const metrics = contactMetrics(onlyShort);
    expect(metrics).toMatchObject({
      asaSeconds: null,
      ahtSeconds: null,
      avgTalkSeconds: null,
      avgHoldSeconds: null,
      avgAcwSeconds: null,
      transferRate: null,
      abandonRate: null, // (3 − 3) / (3 − 3)
      serviceLevel: null, // 0 / (0 + 3 − 3)
      maxWaitSeconds: 4,
      ivrContainmentRate: 0, // 0 / (0 + 3)
    });
    expect(serviceLevel(onlyShort, 'ANSWERED_ONLY')).toBeNull();
    expect(serviceLevel(onlyShort, 'ALL_OFFERED')).toBe(0);
    expect(serviceLevel(onlyShort, 'ABANDONS_WITHIN_T_MEET')).toBe(1);
  });

  it('an IVR-only interval offers nothing: containment 1, max wait null', () => {
    const metrics = contactMetrics(totals({ ivr: 4 }));
    expect(metrics.offered).toBe(0);
    expect(metrics.ivrContainmentRate).toBe(1);
    expect(metrics.maxWaitSeconds).toBeNull();
    expect(metrics.abandonRate).toBeNull();
  });

  it('`fcrRate` is null without answered contacts with a customer key', () => {
    expect(fcrRate(0, 0)).toBeNull();
  });
});

describe('`fcrRate`', () => {
  it('= answered contacts with a customer key and no repeat within the window / answered contacts with a customer key', () => {
    expect(fcrRate(42, 60)).toBe(0.7);
  });
});

describe('aggregation rule ("computed from summed counts and summed seconds, never by averaging rates")', () => {
  // 09:00–09:15 is quiet and fast, 09:15–09:30 is busy and slow.
  const quiet = totals({
    answered: 10,
    answeredWithinThreshold: 10,
    waitSecondsAnswered: 50,
    handleSeconds: 2_000,
    maxWaitSeconds: 12,
  });
  const busy = totals({
    answered: 90,
    answeredWithinThreshold: 45,
    abandoned: 10,
    waitSecondsAnswered: 2_700,
    handleSeconds: 36_000,
    maxWaitSeconds: 95,
  });
  const halfHour = contactMetrics(sumContactTotals([quiet, busy]));
  const [a, b] = [contactMetrics(quiet), contactMetrics(busy)];

  it('sums counts and seconds and takes the max of max waits', () => {
    expect(sumContactTotals([quiet, busy])).toEqual(
      totals({
        answered: 100,
        answeredWithinThreshold: 55,
        abandoned: 10,
        waitSecondsAnswered: 2_750,
        handleSeconds: 38_000,
        maxWaitSeconds: 95,
      }),
    );
  });

  it('the half hour differs from the mean of its two intervals', () => {
    // service level: 55 / 110 = 0.5, not (10/10 + 45/100) / 2 = 0.725
    expect(halfHour.serviceLevel).toBe(0.5);
    expect(((a.serviceLevel ?? 0) + (b.serviceLevel ?? 0)) / 2).toBeCloseTo(0.725, 12);
    // ASA: 2 750 / 100 = 27.5 s, not (5 + 30) / 2 = 17.5 s
    expect(halfHour.asaSeconds).toBe(27.5);
    expect(((a.asaSeconds ?? 0) + (b.asaSeconds ?? 0)) / 2).toBe(17.5);
    // AHT: 38 000 / 100 = 380 s, not (200 + 400) / 2 = 300 s
    expect(halfHour.ahtSeconds).toBe(380);
    expect(((a.ahtSeconds ?? 0) + (b.ahtSeconds ?? 0)) / 2).toBe(300);
    // abandon rate: 10 / 110, not (0 + 10/100) / 2 = 0.05
    expect(halfHour.abandonRate).toBe(10 / 110);
    expect(halfHour.maxWaitSeconds).toBe(95);
  });

  it('an empty sum is all zeros with no max wait; a row with no max wait does not hide the others', () => {
    expect(sumContactTotals([])).toEqual(NONE);
    expect(sumContactTotals([NONE, busy, NONE]).maxWaitSeconds).toBe(95);
  });
});

describe('ivrContainmentRate over mixed channels', () => {
  it('METRICS.md "ivrContainmentRate = IVR / (IVR + offered), voice only": chat offered does not dilute it', () => {
    const totals = {
      answered: 90,
      abandoned: 10,
      shortAbandoned: 0,
      answeredWithinThreshold: 80,
      abandonedWithinThreshold: 0,
      transferred: 0,
      ivr: 25,
      waitSecondsAnswered: 0,
      handleSeconds: 0,
      talkSeconds: 0,
      holdSeconds: 0,
      acwSeconds: 0,
      maxWaitSeconds: 30,
    };
    // 100 offered, of which 75 by voice: 25 / (25 + 75) = 0.25, not 25 / (25 + 100) = 0.2
    expect(contactMetrics({ ...totals, voiceOffered: 75 }).ivrContainmentRate).toBe(0.25);
    expect(contactMetrics(totals).ivrContainmentRate).toBe(0.2);
    expect(sumContactTotals([{ ...totals, voiceOffered: 75 }, totals]).voiceOffered).toBe(175);
  });
});
