import { describe, expect, it } from 'vitest';
import { exportFileName, toCsv } from './table-export';

describe('table export', () => {
  it('writes RFC 4180 CSV: quotes where needed, blanks for no value, raw numbers', () => {
    expect(
      toCsv({
        header: ['Name', 'Score'],
        rows: [
          ['Wang, Li', 0.912],
          ['He said "hi"', null],
          ['张伟\nline', 3],
        ],
      }),
    ).toBe('Name,Score\r\n"Wang, Li",0.912\r\n"He said ""hi""",\r\n"张伟\nline",3\r\n');
  });
  it('keeps text a spreadsheet would run as a formula as text', () => {
    expect(toCsv({ header: ['x'], rows: [['=HYPERLINK("a")'], ['@SUM(1)'], [-1]] })).toBe(
      'x\r\n"\'=HYPERLINK(""a"")"\r\n\'@SUM(1)\r\n-1\r\n',
    );
  });
  it('names the file after the caption, in any script', () => {
    const day = new Date('2026-12-07T03:00:00Z');
    expect(exportFileName('Agents · Ranking', 'csv', day)).toBe('Agents-Ranking-2026-12-07.csv');
    expect(exportFileName('坐席 · 排名', 'xlsx', day)).toBe('坐席-排名-2026-12-07.xlsx');
  });
});
