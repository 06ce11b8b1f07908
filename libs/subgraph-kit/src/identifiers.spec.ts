import { isTimeZone, isUuid } from './identifiers';

describe('isTimeZone', () => {
  it('takes IANA names and UTC, refuses abbreviations and unknown names', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('EST')).toBe(false);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('checks each name once: a trend per request no longer builds a formatter (issue 23)', () => {
    const built = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      for (let i = 0; i < 5; i += 1) {
        expect(isTimeZone('Europe/Lisbon')).toBe(true);
        expect(isTimeZone('Nowhere/Town')).toBe(false);
      }
      expect(built.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      built.mockRestore();
    }
  });
});

describe('isUuid', () => {
  it('takes a UUID in either case, nothing else', () => {
    expect(isUuid('0b6f3c2e-8d1a-4c7e-9f00-1a2b3c4d5e6f')).toBe(true);
    expect(isUuid('0B6F3C2E-8D1A-4C7E-9F00-1A2B3C4D5E6F')).toBe(true);
    expect(isUuid('0b6f3c2e')).toBe(false);
  });
});
