import { ImportSegments, keyRuns, segmentsOfBatch, type SegmentSource } from './customer-segments';

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

describe("one import's segment lookups", () => {
  it('stop asking once care has not answered, counting the keyed records of the later batches', async () => {
    let calls = 0;
    let up = true;
    const imports = new ImportSegments({
      segmentsOf: async () => {
        calls += 1;
        return up ? new Map() : null;
      },
    });
    expect((await imports.ofBatch(['K1'])).unknown).toBe(0);
    up = false;
    expect((await imports.ofBatch(['K1', null])).unknown).toBe(1);
    up = true;
    const later = await imports.ofBatch(['K2', 'K3', null]);
    expect(later.unknown).toBe(2);
    expect(later.segmentOf('K2')).toBeNull();
    expect(calls).toBe(2);
  });
});
