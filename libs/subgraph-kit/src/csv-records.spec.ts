import { isCalendarDate, readCsvText } from './csv-records';

describe('isCalendarDate', () => {
  it.each(['2026-01-31', '2024-02-29', '1900-01-01', '2199-12-31'])('takes %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  // 0000-01-01 was taken: an LMS file with it failed with INTERNAL_SERVER_ERROR (PostgreSQL has no year 0)
  it.each(['0000-01-01', '1899-12-31', '2200-01-01', '2026-02-30', '2026-1-5', '٢٠٢٦-٠١-٠١'])(
    'refuses %s',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );
});

describe('readCsvText', () => {
  const options = { columns: ['a', 'b'], maxRows: 10 };

  // issue 17: every physical line is a record, blank, the header, or rejected with its reason
  it('accounts for every line: records, blank lines and empty rows, rejected lines with their reasons', () => {
    const file = readCsvText(
      'A, B ,c\r\n1,2\r\n\r\n,,\r\n"x\n y",2\r\n1,2,3,4\r\n1,\u00072\r\n"open,3\r\n5,6',
      options,
    );
    expect(file.unknownColumns).toEqual(['c']);
    expect(file.records).toEqual([
      { line: 2, lastLine: 2, cells: { a: '1', b: '2', c: '' } },
      { line: 5, lastLine: 6, cells: { a: 'x\n y', b: '2', c: '' } },
      { line: 10, lastLine: 10, cells: { a: '5', b: '6', c: '' } },
    ]);
    expect(file.rejected).toEqual([
      { line: 7, reason: 'has 4 fields, the header 3' },
      { line: 8, field: 'b', reason: 'must not contain control characters' },
      { line: 9, reason: 'is not valid CSV: a quoted field is not closed' },
    ]);
    expect({ lines: file.lines, blankLines: file.blankLines }).toEqual({ lines: 10, blankLines: 2 });
  });

  it('refuses a file whose header cannot be read, or that has no rows', () => {
    expect(() => readCsvText('a,"b\n1,2\n', options)).toThrow(/csv: line 1 \(the header\) is not valid CSV/);
    expect(() => readCsvText('a,b\n\n', options)).toThrow(/no data rows/);
  });
});
