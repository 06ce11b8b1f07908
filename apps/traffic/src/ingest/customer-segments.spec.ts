import { keyRuns, segmentsOfBatch, type SegmentSource } from './customer-segments';

describe("asking care for a batch's customer segments", () => {
  it('sends the distinct keys once, and stamps unknown ones STANDARD', async () => {
    const asked: string[][] = [];
    const source: SegmentSource = {
      segmentsOf: async (keys) => {
        asked.push([...keys]);
        return new Map([['V1', 'VIP' as const]]);
      },
    };
    const { segmentOf, unknown } = await segmentsOfBatch(source, ['V1', null, 'K1', 'V1']);
    expect(asked).toEqual([['V1', 'K1']]);
    expect([segmentOf('V1'), segmentOf('K1'), segmentOf(null)]).toEqual(['VIP', 'STANDARD', null]);
    expect(unknown).toBe(0);
  });

  it('asks nothing for a batch without customer keys', async () => {
    const source: SegmentSource = { segmentsOf: () => Promise.reject(new Error('asked')) };
    expect((await segmentsOfBatch(source, [null, null])).unknown).toBe(0);
  });

  it('leaves every keyed record without a segment when the source does not answer', async () => {
    const { segmentOf, unknown } = await segmentsOfBatch({ segmentsOf: async () => null }, [
      'V1',
      null,
      'V1',
    ]);
    expect(segmentOf('V1')).toBeNull();
    expect(unknown).toBe(2);
  });

  it('keeps the keys in one request unless their JSON passes the limit', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `+86138${String(i).padStart(8, '0')}`);
    expect(keyRuns(keys)).toHaveLength(1);
    const long = Array.from({ length: 10 }, (_, i) => `${i}${'x'.repeat(99)}`);
    const runs = keyRuns(long, 350);
    expect(runs.flat()).toEqual(long);
    expect(runs.every((run) => JSON.stringify(run).length <= 350)).toBe(true);
    expect(runs).toHaveLength(4);
  });
});
