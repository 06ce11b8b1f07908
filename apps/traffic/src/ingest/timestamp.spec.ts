import { parseTimestamp } from './timestamp';

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
