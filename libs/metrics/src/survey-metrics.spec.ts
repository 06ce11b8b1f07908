import {
  ces,
  csat,
  emptySurveyTotals,
  insufficientSample,
  nps,
  responseRate,
  repeatContactRate,
  scoreOnScale,
  sumSurveyTotals,
  surveyMetrics,
  surveyTotals,
  wilsonInterval,
} from './survey-metrics';

describe('survey metrics (METRICS.md, Voice of the customer)', () => {
  it('NPS of 10,10,9,9,8,7,6,3,0,10 is 20 with n 10 and margin 54.0', () => {
    const totals = surveyTotals({ nps: [10, 10, 9, 9, 8, 7, 6, 3, 0, 10] });
    expect(totals).toMatchObject({ npsResponses: 10, promoters: 5, detractors: 3 });
    const value = nps(totals);
    expect(value.value).toBeCloseTo(20, 10);
    expect(value.n).toBe(10);
    expect(value.marginOfError!.toFixed(1)).toBe('54.0');
    expect(value.low).toBeCloseTo(20 - value.marginOfError!, 10);
    expect(value.high).toBeCloseTo(20 + value.marginOfError!, 10);
  });

  it('CSAT of 5,5,4,3,2,5,4,1 is 0.625 with Wilson interval (0.306, 0.863)', () => {
    const value = csat(surveyTotals({ csat: [5, 5, 4, 3, 2, 5, 4, 1] }));
    expect(value.value).toBe(0.625);
    expect(value.n).toBe(8);
    expect(value.low!.toFixed(3)).toBe('0.306');
    expect(value.high!.toFixed(3)).toBe('0.863');
  });

  it('CES is the mean with a normal interval, clamped to 1..7', () => {
    // 2,3,4,5,6: mean 4, s = sqrt(2.5), half = 1.96 × sqrt(2.5 / 5) = 1.386
    const value = ces(surveyTotals({ ces: [2, 3, 4, 5, 6] }));
    expect(value.value).toBe(4);
    expect(value.n).toBe(5);
    expect(value.low).toBeCloseTo(4 - 1.386, 3);
    expect(value.high).toBeCloseTo(4 + 1.386, 3);
    expect(ces(surveyTotals({ ces: [7] }))).toEqual({ value: 7, n: 1, low: 1, high: 7 });
    expect(ces(surveyTotals({ ces: [7, 7, 7] }))).toEqual({ value: 7, n: 3, low: 7, high: 7 });
  });

  it('response rate is finished over sent, opened, finished and expired; opted out left out', () => {
    const value = responseRate({
      invitationsSent: 3,
      invitationsOpened: 2,
      invitationsFinished: 4,
      invitationsExpired: 1,
    });
    expect(value.value).toBe(0.4);
    expect(value.n).toBe(10);
    expect(value.low).toBeLessThan(0.4);
    expect(value.high).toBeGreaterThan(0.4);
  });

  it('nothing with n = 0 has a value', () => {
    const metrics = surveyMetrics(emptySurveyTotals());
    expect(metrics.csat).toEqual({ value: null, n: 0, low: null, high: null });
    expect(metrics.nps).toEqual({ value: null, n: 0, low: null, high: null, marginOfError: null });
    expect(metrics.ces).toEqual({ value: null, n: 0, low: null, high: null });
    expect(metrics.responseRate).toEqual({ value: null, n: 0, low: null, high: null });
    expect(wilsonInterval(0, 0)).toEqual({ low: null, high: null });
  });

  it('Wilson stays inside 0..1 at the edges', () => {
    const all = wilsonInterval(10, 10);
    expect(all.high).toBeCloseTo(1, 12);
    expect(all.low).toBeGreaterThan(0.6);
    const none = wilsonInterval(0, 10);
    expect(none.low).toBeCloseTo(0, 12);
    expect(none.high).toBeLessThan(0.4);
  });

  it('groups add up by summing counts', () => {
    const a = surveyTotals({ csat: [5, 1], nps: [10, 0], ces: [2] });
    const b = surveyTotals({ csat: [4, 4], nps: [9], ces: [6] });
    const both = surveyTotals({ csat: [5, 1, 4, 4], nps: [10, 0, 9], ces: [2, 6] });
    expect(sumSurveyTotals(a, b)).toEqual(both);
  });

  it('scores must be integers on the scale of their kind', () => {
    expect(scoreOnScale('CSAT', 5)).toBe(true);
    expect(scoreOnScale('CSAT', 6)).toBe(false);
    expect(scoreOnScale('CSAT', 0)).toBe(false);
    expect(scoreOnScale('NPS', 0)).toBe(true);
    expect(scoreOnScale('NPS', 11)).toBe(false);
    expect(scoreOnScale('CES', 7)).toBe(true);
    expect(scoreOnScale('CES', 4.5)).toBe(false);
  });

  it('fewer responses than the minimum are an insufficient sample', () => {
    expect(insufficientSample(12)).toBe(true);
    expect(insufficientSample(30)).toBe(false);
    expect(insufficientSample(12, 10)).toBe(false);
  });
});

describe('repeatContactRate', () => {
  it('is repeated / known with its Wilson interval; nothing when n = 0', () => {
    // 5 of 8 again: the same interval as the CSAT fixture
    const value = repeatContactRate(5, 8);
    expect(value.value).toBe(0.625);
    expect(value.n).toBe(8);
    expect(value.low).toBeCloseTo(0.306, 3);
    expect(value.high).toBeCloseTo(0.863, 3);
    expect(repeatContactRate(0, 0)).toEqual({ value: null, n: 0, low: null, high: null });
  });
});
