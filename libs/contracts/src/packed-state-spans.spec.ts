import { packStateSpans, unpackStateSpans } from './packed-state-spans';

describe('packed state spans', () => {
  const from = Date.parse('2026-05-04T00:00:00Z');

  it('packs spans as milliseconds after the period start and reads them back', () => {
    const spans = [
      { start: from, end: from + 90_500, state: 'AVAILABLE' as const },
      { start: from + 90_500, end: from + 3_600_000, state: 'ON_CONTACT' as const },
    ];
    const packed = packStateSpans(from, spans);
    expect(packed).toBe('0,90500,AVAILABLE;90500,3600000,ON_CONTACT');
    expect(unpackStateSpans(from, packed)).toEqual(spans);
  });

  it('reads no span from an empty string and refuses a malformed one', () => {
    expect(unpackStateSpans(from, '')).toEqual([]);
    expect(() => unpackStateSpans(from, '0,10,ASLEEP')).toThrow('not a packed state span: "0,10,ASLEEP"');
    expect(() => unpackStateSpans(from, '0,x,AVAILABLE')).toThrow(RangeError);
  });
});
