import { demoCareCustomers, demoCareSegment, demoCareSegments } from './demo-care';
import { demoTrafficWindow } from './demo-traffic-window';

describe("care's demo segments", () => {
  it('are the segments care gives demoCareCustomers, other than STANDARD (traffic stamps them)', () => {
    const today = new Date('2026-11-20T04:00:00Z');
    const expected = new Map(
      demoCareCustomers(today)
        .map(({ customerKey }, i) => [customerKey, demoCareSegment(i, customerKey)] as const)
        .filter(([, segment]) => segment !== 'STANDARD'),
    );
    const segments = demoCareSegments(demoTrafficWindow(today));
    expect(segments).toEqual(expected);
    expect([...segments.values()]).toContain('VIP');
  });
});
