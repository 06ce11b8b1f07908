import { chooseWithExternal, EXTERNAL_METHOD, externalAccuracy } from './external';

describe('externalAccuracy', () => {
  const actual = new Map([
    ['2026-11-02', [10, 20, 0, 30]],
    ['2026-11-03', [20, 20, 10, 10]],
  ]);

  it('measures WAPE, bias and MAPE against the actuals of every test day, a missing interval as 0', () => {
    const external = new Map<string, (number | undefined)[]>([
      ['2026-11-02', [12, 18, 0, 30]],
      // the last interval is outside the other tool's hours: forecast 0 there
      ['2026-11-03', [20, 25, 10]],
    ]);
    const acc = externalAccuracy(['2026-11-02', '2026-11-03'], actual, external, 0.05);
    // |F−A|: 2+2+0+0 + 0+5+0+10 = 19 over ΣA = 120; F−A: 2−2 + 5−10 = −5
    expect(acc?.wape).toBeCloseTo(19 / 120, 12);
    expect(acc?.bias).toBeCloseTo(-5 / 120, 12);
    // per interval with A > 0: .2, .1, 0 | 0, .25, 0, 1 → 1.55 / 7
    expect(acc?.mape).toBeCloseTo(1.55 / 7, 12);
    expect(acc?.excessWape).toBeCloseTo(19 / 120 - 0.05, 12);
    expect(acc).toMatchObject({ method: EXTERNAL_METHOD, intervals: 8 });
  });

  it('is null unless the external forecast covers every test day', () => {
    const partial = new Map([['2026-11-02', [10, 20, 0, 30]]]);
    expect(externalAccuracy(['2026-11-02', '2026-11-03'], actual, partial, null)).toBeNull();
    expect(externalAccuracy([], actual, partial, null)).toBeNull();
  });
});

describe('chooseWithExternal', () => {
  const ours = [
    { method: 'SAME_WEEKDAY_4W', wape: 0.1 },
    { method: 'SVD_FACTOR', wape: 0.08 },
  ];
  it('chooses EXTERNAL only when it beats every one of our methods', () => {
    expect(chooseWithExternal(ours, 'SVD_FACTOR', { wape: 0.07 })).toBe(EXTERNAL_METHOD);
    expect(chooseWithExternal(ours, 'SVD_FACTOR', { wape: 0.08 })).toBe('SVD_FACTOR');
    expect(chooseWithExternal(ours, 'SVD_FACTOR', { wape: 0.09 })).toBe('SVD_FACTOR');
    expect(chooseWithExternal(ours, 'SVD_FACTOR', null)).toBe('SVD_FACTOR');
    expect(chooseWithExternal([], 'SAME_WEEKDAY_4W', { wape: 0.01 })).toBe('SAME_WEEKDAY_4W');
  });
});
