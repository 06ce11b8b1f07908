import { contactRetentionMonths, monthsAhead, monthsOf } from './contact-partitions';

describe('contact month partitions', () => {
  it('names each UTC month once, in order, whatever the local day', () => {
    expect(
      monthsOf([
        new Date('2026-12-31T23:59:59.999Z'),
        new Date('2026-11-30T16:00:00Z'), // already 1 December in Shanghai: still November in UTC
        new Date('2027-01-01T00:00:00Z'),
        new Date('2026-12-01T00:00:00Z'),
      ]),
    ).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
    expect(monthsOf([])).toEqual([]);
  });

  it('makes this month and the next ones ahead, across a year', () => {
    expect(monthsAhead(new Date('2026-12-07T18:00:00Z'), 2)).toEqual([
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
  });

  it('reads CONTACT_RETENTION_MONTHS: off unless a whole number of months', () => {
    expect(contactRetentionMonths({})).toBeNull();
    expect(contactRetentionMonths({ CONTACT_RETENTION_MONTHS: '' })).toBeNull();
    expect(contactRetentionMonths({ CONTACT_RETENTION_MONTHS: '0' })).toBeNull();
    expect(contactRetentionMonths({ CONTACT_RETENTION_MONTHS: ' 13 ' })).toBe(13);
    for (const bad of ['-1', '1.5', 'twelve'])
      expect(() => contactRetentionMonths({ CONTACT_RETENTION_MONTHS: bad })).toThrow(
        /CONTACT_RETENTION_MONTHS/,
      );
  });
});
