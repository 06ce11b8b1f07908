import { isoUtc, parseTimestamp } from './timestamp';

describe('parseTimestamp', () => {
  it('reads UTC timestamps as Date.parse does, with and without milliseconds', () => {
    for (const text of [
      '2026-10-01T00:00:00Z',
      '2026-10-01T23:59:59.999Z',
      '2024-02-29T12:30:05.120Z',
      '2026-12-31T08:07:06Z',
    ])
      expect(parseTimestamp(text, 'Asia/Shanghai')?.toISOString()).toBe(
        new Date(Date.parse(text)).toISOString(),
      );
  });

  it('refuses impossible UTC timestamps', () => {
    for (const text of [
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-10-01T24:00:00Z',
      '2026-10-01T10:60:00Z',
      '2026-10-01T10:00:60Z',
      '2026-1O-01T10:00:00Z',
    ])
      expect(parseTimestamp(text, 'UTC')).toBeNull();
  });

  it('still reads offsets and local times in the given zone', () => {
    expect(parseTimestamp('2026-10-01T08:00:00+08:00', 'UTC')?.toISOString()).toBe(
      '2026-10-01T00:00:00.000Z',
    );
    expect(parseTimestamp('2026-10-01 08:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-10-01T00:00:00.000Z',
    );
    expect(parseTimestamp(' 2026-10-01T00:00:00Z ', 'UTC')?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });
});

describe('isoUtc', () => {
  it('writes what toISOString writes, on the same day as the last call or another', () => {
    const instants = [
      '2026-10-01T00:00:00.000Z',
      '2026-10-01T23:59:59.999Z',
      '2026-10-02T00:00:00.001Z',
      '2026-10-01T12:34:56.789Z', // back to an earlier day
      '2024-02-29T07:08:09.010Z',
      '1969-12-31T23:59:59.999Z', // before the epoch: negative milliseconds
      '0099-01-01T00:00:00.000Z',
      '+012026-03-04T05:06:07.080Z', // an extended year
    ].map((text) => new Date(text));
    // and a spread of instants over a century, in random order, each one second and its neighbours
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i += 1) {
      const ms = Math.floor(next() * 3.2e12);
      instants.push(new Date(ms), new Date(ms + 1), new Date(ms - 1));
    }
    for (const date of instants) expect(isoUtc(date)).toBe(date.toISOString());
  });

  it('throws for an invalid Date, as toISOString does', () => {
    expect(() => isoUtc(new Date(Number.NaN))).toThrow(RangeError);
  });
});
