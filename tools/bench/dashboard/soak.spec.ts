import { slope, soakTables, type SoakMinute } from './soak';

const minute = (n: number, rss: number, heap: number): SoakMinute => ({
  minute: n,
  requests: 100,
  errors: 0,
  p95: 200,
  loadAverage: 1,
  maxRssMiB: { gateway: rss },
  afterGc: { gateway: { heapUsed: heap, heapTotal: heap * 2, external: 1, rss } },
});

describe('the soak’s trend', () => {
  it('is the least-squares slope per step: flat, rising, noisy', () => {
    expect(slope([5, 5, 5, 5])).toBe(0);
    expect(slope([1, 3, 5, 7])).toBeCloseTo(2, 12);
    expect(slope([10, 12, 11, 13])).toBeCloseTo(0.8, 12);
    expect(slope([4])).toBeNaN();
  });

  it('leaves the first minute (warm-up) out of the slope and reports each process', () => {
    const [perMinute, trend] = soakTables(
      [minute(1, 100, 50), minute(2, 200, 60), minute(3, 202, 61), minute(4, 204, 62)],
      16,
    );
    expect(perMinute.rows).toHaveLength(4);
    // minutes 2-4: RSS 200, 202, 204 (2 MiB/min), live heap 60, 61, 62 (1 MiB/min)
    expect(trend.rows).toEqual([['gateway', '200', '204', '2.00', '60.0', '62.0', '1.00', '1.0']]);
  });
});
