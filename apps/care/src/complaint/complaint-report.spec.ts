import { reportCsv, reportProblems, REPORT_COLUMNS, type ReportRow } from './complaint-report';

const row: ReportRow = {
  case_no: 'C2026-000123',
  center_id: '7d1c6a52-2f52-4c1e-9a0e-3a8f1d1f0a11',
  received_date: '2026-11-02',
  channel_code: 'A0302',
  business_code: 'B03',
  reason_code: 'C01',
  taxonomy_version: 1,
  product_code: null,
  severity: 'NORMAL',
  source: 'DIRECT',
  deadline_basis: 'DAYS_15',
  deadline_date: '2026-11-17',
  extension_reason: null,
  closed_date: '2026-11-05',
  outcome: 'UPHELD',
  timely: true,
  customer: '********0001',
  subject_agent_no: '1001',
  handler_agent_no: '1002',
  remedy_amount: '120.00',
  remedy_currency: 'CNY',
};

describe('the monthly complaint report', () => {
  it('accepts a well-formed row and writes it under the header', () => {
    expect(reportProblems([row])).toEqual([]);
    const csv = reportCsv([row]).split('\n');
    expect(csv[0]).toBe(REPORT_COLUMNS.join(','));
    expect(csv[1]).toBe(
      'C2026-000123,7d1c6a52-2f52-4c1e-9a0e-3a8f1d1f0a11,2026-11-02,A0302,B03,C01,1,,NORMAL,DIRECT,DAYS_15,2026-11-17,,2026-11-05,UPHELD,true,********0001,1001,1002,120.00,CNY',
    );
  });

  it('refuses an unmasked customer, a bad code, a float amount, a missing column, naming the row and field', () => {
    const missing: Partial<ReportRow> = { ...row };
    delete missing.reason_code;
    const problems = reportProblems([
      { ...row, customer: '+8613800000001' },
      { ...row, channel_code: 'a03' },
      { ...row, remedy_amount: '120.5' },
      missing as ReportRow,
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^row 1: \/customer /),
      expect.stringMatching(/^row 2: \/channel_code /),
      expect.stringMatching(/^row 3: \/remedy_amount /),
      expect.stringMatching(/^row 3: \/remedy_amount /),
      expect.stringMatching(/^row 3: \/remedy_amount /),
      expect.stringMatching(/^row 4: \/ must have required property 'reason_code'/),
    ]);
  });

  it('quotes text with commas and quotes, and neutralises formula-like cells', () => {
    const csv = reportCsv([
      { ...row, extension_reason: 'waits, for "issuer"' },
      { ...row, extension_reason: '=HYPERLINK(1)' },
    ]);
    expect(csv).toContain(',"waits, for ""issuer""",');
    expect(csv).toContain(",'=HYPERLINK(1),");
  });
});
