import {
  complaintDeadline,
  complaintKpis,
  complaintPerformance,
  complaintRisk,
  complaintsPer10k,
  complaintTimely,
  escalatedToComplaintRate,
  isLongerDeadline,
  mostArrivalsWithin,
  sumComplaintTotals,
  emptyComplaintTotals,
} from './complaints';

const SH = 'Asia/Shanghai';

describe('complaintDeadline', () => {
  it('received 10-01 (local) without extension: deadline day 10-16, passing at local midnight ending it', () => {
    const d = complaintDeadline(new Date('2026-10-01T02:00:00Z'), 'DAYS_15', SH);
    expect(d.deadlineDate).toBe('2026-10-16');
    expect(d.deadlineAt.toISOString()).toBe('2026-10-16T16:00:00.000Z');
  });

  it('counts from the local day: 23:30 on 09-30 UTC is already 10-01 in Shanghai', () => {
    expect(complaintDeadline(new Date('2026-09-30T23:30:00Z'), 'DAYS_15', SH).deadlineDate).toBe(
      '2026-10-16',
    );
    expect(complaintDeadline(new Date('2026-09-30T23:30:00Z'), 'DAYS_15', 'UTC').deadlineDate).toBe(
      '2026-10-15',
    );
  });

  it('an approved extension gives 30 or 60 days from receipt', () => {
    const received = new Date('2026-10-01T02:00:00Z');
    expect(complaintDeadline(received, 'EXTENDED_30', SH).deadlineDate).toBe('2026-10-31');
    expect(complaintDeadline(received, 'EXTENDED_60', SH).deadlineDate).toBe('2026-11-30');
  });

  it('the fixture: decided on the 17th is late without extension, timely with the 30-day one', () => {
    const received = new Date('2026-10-01T01:00:00Z');
    const decided = new Date('2026-10-17T03:00:00Z'); // 11:00 on 10-17 in Shanghai
    expect(complaintTimely(decided, complaintDeadline(received, 'DAYS_15', SH).deadlineAt)).toBe(false);
    expect(complaintTimely(decided, complaintDeadline(received, 'EXTENDED_30', SH).deadlineAt)).toBe(true);
    // the last minute of 10-16 is still in time, midnight is not
    const deadline = complaintDeadline(received, 'DAYS_15', SH).deadlineAt;
    expect(complaintTimely(new Date(deadline.getTime() - 60_000), deadline)).toBe(true);
    expect(complaintTimely(deadline, deadline)).toBe(false);
  });

  it('an extension only lengthens', () => {
    expect(isLongerDeadline('DAYS_15', 'EXTENDED_30')).toBe(true);
    expect(isLongerDeadline('DAYS_15', 'EXTENDED_60')).toBe(true);
    expect(isLongerDeadline('EXTENDED_30', 'EXTENDED_60')).toBe(true);
    expect(isLongerDeadline('EXTENDED_30', 'EXTENDED_30')).toBe(false);
    expect(isLongerDeadline('EXTENDED_60', 'EXTENDED_30')).toBe(false);
  });
});

describe('complaintRisk', () => {
  const at = (iso: string) => new Date(iso);
  it('raises the flag at the second broken commitment, not the first', () => {
    const base = { escalationFlag: false, inboundArrivals: [] };
    expect(complaintRisk({ ...base, brokenCommitments: 1 })).toEqual({
      atRisk: false,
      reasons: [],
      repeatContacts: 0,
    });
    expect(complaintRisk({ ...base, brokenCommitments: 2 }).reasons).toEqual(['BROKEN_COMMITMENTS']);
  });

  it('raises it on the third inbound contact within 7 days, not when spread wider', () => {
    const three = [at('2026-12-01T01:00:00Z'), at('2026-12-03T01:00:00Z'), at('2026-12-07T23:00:00Z')];
    expect(complaintRisk({ brokenCommitments: 0, escalationFlag: false, inboundArrivals: three })).toEqual({
      atRisk: true,
      reasons: ['REPEAT_CONTACTS'],
      repeatContacts: 3,
    });
    const spread = [at('2026-12-01T01:00:00Z'), at('2026-12-03T01:00:00Z'), at('2026-12-08T01:00:00Z')];
    expect(
      complaintRisk({ brokenCommitments: 0, escalationFlag: false, inboundArrivals: spread }).atRisk,
    ).toBe(false);
  });

  it('keeps the escalation ladder flag and every reason found', () => {
    const risk = complaintRisk(
      { brokenCommitments: 3, escalationFlag: true, inboundArrivals: [] },
      { brokenCommitments: 2, repeatContacts: 3, repeatWindowDays: 7 },
    );
    expect(risk.reasons).toEqual(['BROKEN_COMMITMENTS', 'ESCALATION_LEVEL']);
  });

  it('counts the busiest window whatever the order', () => {
    const times = ['2026-12-09', '2026-12-01', '2026-12-02', '2026-12-10', '2026-12-11', '2026-12-12'].map(
      (d) => at(`${d}T00:00:00Z`),
    );
    expect(mostArrivalsWithin(times, 7)).toBe(4);
    expect(mostArrivalsWithin([], 7)).toBe(0);
  });
});

describe('complaint KPIs', () => {
  it('per 10k answered contacts; null without contacts', () => {
    expect(complaintsPer10k(3, 12_000)).toBeCloseTo(2.5, 10);
    expect(complaintsPer10k(3, 0)).toBeNull();
  });

  it('timely over closed, upheld (with partially) over decided on the merits; null when none', () => {
    const t = { ...emptyComplaintTotals(), closed: 4, closedTimely: 3, decided: 3, upheld: 2 };
    expect(complaintKpis(t)).toEqual({ complaintTimelyRate: 0.75, upheldRate: 2 / 3 });
    expect(complaintKpis(emptyComplaintTotals())).toEqual({ complaintTimelyRate: null, upheldRate: null });
  });

  it('groups add up by summed counts, never averaged rates', () => {
    const a = { ...emptyComplaintTotals(), closed: 1, closedTimely: 1 };
    const b = { ...emptyComplaintTotals(), closed: 3, closedTimely: 0 };
    expect(complaintKpis(sumComplaintTotals([a, b])).complaintTimelyRate).toBe(0.25);
  });

  it('escalated to complaint over cases opened', () => {
    expect(escalatedToComplaintRate(1, 8)).toBe(0.125);
    expect(escalatedToComplaintRate(0, 0)).toBeNull();
  });

  it("a performance record's four KPIs from its counts; per 10k null when answered is unknown or 0", () => {
    const t = { ...emptyComplaintTotals(), received: 3, closed: 4, closedTimely: 3, decided: 3, upheld: 1 };
    expect(complaintPerformance(t, 8_000, { opened: 5, escalated: 2 })).toEqual({
      complaintsPer10k: 3.75,
      complaintTimelyRate: 0.75,
      upheldRate: 1 / 3,
      escalatedToComplaintRate: 0.4,
    });
    expect(complaintPerformance(t, null, { opened: 0, escalated: 0 }).complaintsPer10k).toBeNull();
    expect(complaintPerformance(t, 0, { opened: 0, escalated: 0 })).toEqual({
      complaintsPer10k: null,
      complaintTimelyRate: 0.75,
      upheldRate: 1 / 3,
      escalatedToComplaintRate: null,
    });
  });
});
