import { intradayOutlook, type IntradayOutlookInput } from './intraday-outlook';

/**
 * Hand-computed fixture. 30-minute intervals, forecast 10, 10, 8, 20 (AHT 180 s); now is 75 minutes
 * into the day (interval 2, half elapsed). Closed actuals 12 + 13 = 25 against 20 forecast: ratio
 * 1.25, the rest of the day × (1 + 0.5 × 0.25) = 1.125 → interval 2: 9, interval 3: 22.5.
 * Expected so far 10 + 10 + 0.5 × 8 = 24; actual 12 + 13 + 5 = 30; rest of day 0.5 × 9 + 22.5 = 27.
 * Erlang C at 9 calls / 1800 s × 180 s = 0.9 erlang, 80 % in 20 s:
 *   N = 2: B = 0.405 / 2.305 = 0.175705, C = 0.351410 / 1.258134 = 0.279312,
 *          SL = 1 − 0.279312 × e^(−1.1 × 20 / 180) = 1 − 0.279312 × 0.884947 = 0.752823 < 0.8
 *   N = 3: B = 0.1215 / 2.4265 = 0.050072, C = 0.150216 / 2.145065 = 0.070029,
 *          SL = 1 − 0.070029 × e^(−2.1 × 20 / 180) = 1 − 0.070029 × 0.791860 = 0.944547 ≥ 0.8
 * → 3 agents required; 2 logged in → gap −1.
 */
const fixture: IntradayOutlookInput = {
  forecast: [10, 10, 8, 20].map((offered) => ({ offered, ahtSeconds: 180 })),
  intervalMinutes: 30,
  elapsedMinutes: 75,
  actualByInterval: [12, 13, 5],
  loggedIn: 2,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  fallbackAhtSeconds: 300,
};

describe('intraday outlook', () => {
  it('matches the hand-computed fixture', () => {
    const o = intradayOutlook(fixture);
    expect(o.expectedSoFar).toBeCloseTo(24, 10);
    expect(o.actualSoFar).toBe(30);
    expect(o.currentIntervalOffered).toBeCloseTo(9, 10);
    expect(o.forecastRestOfDay).toBeCloseTo(27, 10);
    expect(o.ahtSeconds).toBe(180);
    expect(o.requiredAgentsNow).toBe(3);
    expect(o.agentsGap).toBe(-1);
    expect(o.reason).toBeNull();
  });

  it('one agent fewer needed when 2 agents meet the target (a lower target)', () => {
    // N = 2 gives SL 0.752823 (above): a target of 0.75 needs 2; 2 logged in → gap 0
    const o = intradayOutlook({ ...fixture, targetServiceLevel: 0.75 });
    expect(o.requiredAgentsNow).toBe(2);
    expect(o.agentsGap).toBe(0);
  });

  it('uses the fallback AHT when the interval has none, and says why when there is none at all', () => {
    const noAht = fixture.forecast.map((f) => ({ ...f, ahtSeconds: null }));
    // 9 calls × 300 s / 1800 s = 1.5 erlangs at 80 % in 20 s:
    //   N = 3: B = 0.5625 / 4.1875 = 0.134328, C = 0.402985 / 1.701493 = 0.236842,
    //          SL = 1 − 0.236842 × e^(−1.5 × 20 / 300) = 0.785696 < 0.8
    //   N = 4: B = 0.2109375 / 4.3984375 = 0.047957, C = 0.191829 / 2.571936 = 0.074585,
    //          SL = 1 − 0.074585 × e^(−2.5 × 20 / 300) = 0.936865 ≥ 0.8 → 4
    expect(intradayOutlook({ ...fixture, forecast: noAht }).requiredAgentsNow).toBe(4);
    expect(intradayOutlook({ ...fixture, forecast: noAht }).ahtSeconds).toBe(300);
    const none = intradayOutlook({ ...fixture, forecast: noAht, fallbackAhtSeconds: null });
    expect(none.requiredAgentsNow).toBeNull();
    expect(none.agentsGap).toBeNull();
    expect(none.expectedSoFar).toBeCloseTo(24, 10);
    expect(none.reason).toMatch(/AHT/);
  });

  it('says why instead of a number outside the forecast day or without intervals', () => {
    const late = intradayOutlook({ ...fixture, elapsedMinutes: 120 });
    expect(late.expectedSoFar).toBeNull();
    expect(late.requiredAgentsNow).toBeNull();
    expect(late.reason).toMatch(/outside/);
    expect(intradayOutlook({ ...fixture, forecast: [] }).reason).toMatch(/no intervals/);
  });

  it('at the start of the day nothing is expected yet and the forecast is unchanged', () => {
    const o = intradayOutlook({ ...fixture, elapsedMinutes: 0, actualByInterval: [] });
    expect(o.expectedSoFar).toBe(0);
    expect(o.forecastRestOfDay).toBeCloseTo(48, 10);
    // 10 calls × 180 / 1800 = 1 erlang: N = 2 SL 0.7017, N = 3 SL 0.9272 → 3
    expect(o.requiredAgentsNow).toBe(3);
  });

  it('no contacts forecast now: no agent required', () => {
    const o = intradayOutlook({
      ...fixture,
      forecast: [0, 0, 0, 5].map((offered) => ({ offered, ahtSeconds: 180 })),
      actualByInterval: [0, 0, 0],
    });
    expect(o.requiredAgentsNow).toBe(0);
    expect(o.agentsGap).toBe(2);
  });
});
