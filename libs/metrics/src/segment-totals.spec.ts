import { contactMetrics, emptyContactTotals, sumContactTotals, type ContactTotals } from './contact-metrics';
import { remainderContactTotals } from './segment-totals';

const totals = (over: Partial<ContactTotals>): ContactTotals => ({ ...emptyContactTotals(), ...over });

describe('remainderContactTotals (STANDARD = all − the other segments)', () => {
  const vip = totals({
    answered: 9,
    abandoned: 1,
    answeredWithinThreshold: 9,
    waitSecondsAnswered: 45.1,
    handleSeconds: 1800.25,
    maxWaitSeconds: 31,
  });
  const standard = totals({
    answered: 70,
    abandoned: 10,
    shortAbandoned: 2,
    answeredWithinThreshold: 55,
    transferred: 4,
    waitSecondsAnswered: 1400.7,
    handleSeconds: 16000.5,
    maxWaitSeconds: 240,
  });

  it('gives back the rest of a sum exactly (counts) and to the microsecond (seconds)', () => {
    const rest = remainderContactTotals(sumContactTotals([vip, standard]), [vip]);
    expect(rest).toEqual({ ...standard });
    const m = contactMetrics(rest);
    expect(m.serviceLevel).toBeCloseTo(55 / 78, 12);
    expect(m.asaSeconds).toBeCloseTo(1400.7 / 70, 9);
  });

  it('knows the longest wait only when no other segment holds it', () => {
    const vipLonger = { ...vip, maxWaitSeconds: 300 };
    expect(
      remainderContactTotals(sumContactTotals([vipLonger, standard]), [vipLonger]).maxWaitSeconds,
    ).toBeNull();
  });

  it('is nothing (rates null) when every contact is in a part', () => {
    const rest = remainderContactTotals(vip, [vip]);
    expect(rest.answered).toBe(0);
    expect(rest.maxWaitSeconds).toBeNull();
    expect(contactMetrics(rest).serviceLevel).toBeNull();
  });

  it('subtracts voice-offered when the total carries it', () => {
    const all = { ...sumContactTotals([vip, standard]), voiceOffered: 50 };
    expect(remainderContactTotals(all, [{ ...vip, voiceOffered: 10 }]).voiceOffered).toBe(40);
  });
});
