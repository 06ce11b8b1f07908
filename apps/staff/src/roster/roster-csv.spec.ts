import { GraphQLError } from 'graphql';
import { readCsvText } from '@switchboard/subgraph-kit';
import {
  MAX_ROSTER_ROWS,
  parseRoster as parseFile,
  ROSTER_COLUMNS,
  ROSTER_CSV,
  type RosterProblem,
} from './roster-csv';

/** The roster text as the import reads it. */
const parseRoster = (csv: string) => parseFile(readCsvText(csv, ROSTER_CSV));

type Column = (typeof ROSTER_COLUMNS)[number];
type Cells = Partial<Record<Column, string>>;

const HEADER = ROSTER_COLUMNS.join(',');

/** A row that passes every check; tests override the cells they are about. */
const GOOD: Record<Column, string> = {
  employee_no: 'E1001',
  display_name: 'Alice Chen',
  team: 'T-CARDS',
  role: 'SENIOR_AGENT',
  career_level: '3',
  status: 'ACTIVE',
  hire_date: '2025-01-06',
  effective_date: '2025-02-01',
  email: 'alice.chen@bank.example',
  phone: '+86 21 5555-0101',
  national_id: 'ID-123456',
  skills: 'CARDS:4;LOANS:3',
};

const quote = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const line = (cells: Cells = {}): string =>
  ROSTER_COLUMNS.map((column) => quote(cells[column] ?? GOOD[column])).join(',');
const file = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** The GraphQL error a whole-file problem throws, reduced to what a client sees. */
function fileError(csv: string): { code: unknown; fields: unknown } {
  try {
    parseRoster(csv);
  } catch (error) {
    if (error instanceof GraphQLError)
      return { code: error.extensions.code, fields: error.extensions.fields };
    throw error;
  }
  throw new Error('parseRoster accepted the file');
}

const csvError = (message: string | RegExp) => ({
  code: 'BAD_USER_INPUT',
  fields: [{ field: 'csv', message: expect.stringMatching(message) }],
});

/** Row and column of each problem: what the import report tells the user to fix. */
const where = (problems: RosterProblem[]): string[] => problems.map((p) => `${p.row}:${p.field}`);

describe('parseRoster', () => {
  describe('valid rows', () => {
    it('reads every column of a full row into the shape of a hire', () => {
      const { rows, problems, read } = parseRoster(file(HEADER, line()));
      expect(problems).toEqual([]);
      expect(read).toBe(1);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        row: 2,
        teamCode: 'T-CARDS',
        status: 'ACTIVE',
        effectiveDate: '2025-02-01',
      });
      expect(rows[0].agent).toEqual({
        employeeNo: 'E1001',
        displayName: 'Alice Chen',
        role: 'SENIOR_AGENT',
        careerLevel: 3,
        hireDate: '2025-01-06',
        email: 'alice.chen@bank.example',
        phone: '+86 21 5555-0101',
        nationalId: 'ID-123456',
        skills: [
          { skillCode: 'CARDS', proficiency: 4 },
          { skillCode: 'LOANS', proficiency: 3 },
        ],
      });
      expect([...rows[0].given].sort()).toEqual([...ROSTER_COLUMNS].sort());
    });

    it('gives absent columns and empty cells their defaults, and marks neither as given', () => {
      const csv = file('employee_no,display_name,team,role,email', 'E1002,Bob Li,,,');
      const { rows, problems } = parseRoster(csv);
      expect(problems).toEqual([]);
      expect(rows[0]).toMatchObject({ row: 2, teamCode: null, status: null, effectiveDate: null });
      expect(rows[0].agent).toMatchObject({
        role: 'AGENT',
        careerLevel: 1,
        email: null,
        phone: null,
        skills: [],
      });
      expect([...rows[0].given].sort()).toEqual(['display_name', 'employee_no']);
    });

    it('accepts header names in any case with spaces, a BOM, CRLF line ends and lower-case enums', () => {
      const csv = '\uFEFF Employee_No , DISPLAY_NAME ,Role,Status\r\nE1003,Carol Wu,team_lead,on_leave\r\n';
      const { rows, problems } = parseRoster(csv);
      expect(problems).toEqual([]);
      expect(rows[0]).toMatchObject({
        row: 2,
        status: 'ON_LEAVE',
        agent: { employeeNo: 'E1003', role: 'TEAM_LEAD' },
      });
    });

    it('reads skills separated by ";" or "|" with spaces around them', () => {
      const { rows, problems } = parseRoster(file(HEADER, line({ skills: ' CARDS : 5 | LOANS:1; ' })));
      expect(problems).toEqual([]);
      expect(rows[0].agent.skills).toEqual([
        { skillCode: 'CARDS', proficiency: 5 },
        { skillCode: 'LOANS', proficiency: 1 },
      ]);
    });

    it('ignores extra columns', () => {
      const { rows, problems } = parseRoster(file(`${HEADER},shoe_size`, `${line()},44`));
      expect(problems).toEqual([]);
      expect(rows[0].agent).not.toHaveProperty('shoe_size');
    });
  });

  describe('bad rows', () => {
    // Row 2 is good; row 3 carries the fault. Each fault is reported on row 3, against its column.
    it.each<[string, Cells, Column]>([
      ['an employee number with a space', { employee_no: 'E 2002' }, 'employee_no'],
      ['an employee number starting with "-"', { employee_no: '-E2002' }, 'employee_no'],
      ['an employee number of 33 characters', { employee_no: 'E'.repeat(33) }, 'employee_no'],
      ['an empty display name', { display_name: '' }, 'display_name'],
      ['a blank display name', { display_name: '   ' }, 'display_name'],
      ['an unknown role', { role: 'BOSS' }, 'role'],
      ['a career level that is a word', { career_level: 'three' }, 'career_level'],
      ['a career level that is not an integer', { career_level: '2.5' }, 'career_level'],
      ['a career level of 0', { career_level: '0' }, 'career_level'],
      ['a career level of 11', { career_level: '11' }, 'career_level'],
      ['a hire date that is not a calendar day', { hire_date: '2026-02-30' }, 'hire_date'],
      ['a hire date in another format', { hire_date: '06/01/2025' }, 'hire_date'],
      ['an effective date in month 13', { effective_date: '2025-13-01' }, 'effective_date'],
      ['an email without a domain', { email: 'alice@' }, 'email'],
      ['a phone number with letters', { phone: 'call me' }, 'phone'],
      ['a national id of 3 characters', { national_id: 'ID1' }, 'national_id'],
      ['a skill without proficiency', { skills: 'CARDS' }, 'skills'],
      ['a skill written CODE=LEVEL', { skills: 'CARDS=4' }, 'skills'],
      ['a proficiency of 9', { skills: 'CARDS:9' }, 'skills'],
      ['a proficiency of 0', { skills: 'LOANS:3;CARDS:0' }, 'skills'],
      ['a lower-case skill code', { skills: 'cards:4' }, 'skills'],
      ['status TERMINATED', { status: 'TERMINATED' }, 'status'],
      ['an unknown status', { status: 'RETIRED' }, 'status'],
    ])('rejects %s on its row, naming the column', (_, cells, column) => {
      const employeeNo = cells.employee_no ?? 'E2002';
      const { rows, problems, read } = parseRoster(
        file(HEADER, line({ employee_no: 'E2001' }), line({ employee_no: employeeNo, ...cells })),
      );
      expect(read).toBe(2);
      expect(rows.map((r) => r.row)).toEqual([2]);
      expect(problems.length).toBeGreaterThan(0);
      expect(new Set(where(problems))).toEqual(new Set([`3:${column}`]));
      expect(problems.every((p) => p.employeeNo === employeeNo && p.message.length > 0)).toBe(true);
    });

    it('rejects a row without an employee number, reporting it as null', () => {
      const { rows, problems } = parseRoster(file(HEADER, line({ employee_no: '' })));
      expect(rows).toEqual([]);
      expect(problems).toEqual([
        { row: 2, employeeNo: null, field: 'employee_no', message: expect.any(String) },
      ]);
    });

    it('rejects a second row with the same employee number, naming the first', () => {
      const csv = file(
        HEADER,
        line({ employee_no: 'E3001' }),
        line({ employee_no: 'E3002' }),
        line({ employee_no: 'E3001' }),
      );
      const { rows, problems } = parseRoster(csv);
      expect(rows.map((r) => r.row)).toEqual([2, 3]);
      expect(problems).toEqual([
        { row: 4, employeeNo: 'E3001', field: 'employee_no', message: expect.stringContaining('row 2') },
      ]);
    });

    it('reports every problem of a row, and every bad row of a file', () => {
      const csv = file(
        HEADER,
        line({ employee_no: 'E4001', email: 'nope', phone: 'x' }),
        line({ employee_no: 'E4002' }),
        line({ employee_no: 'E4003', role: 'CEO' }),
      );
      const { rows, problems, read } = parseRoster(csv);
      expect(read).toBe(3);
      expect(rows.map((r) => r.row)).toEqual([3]);
      expect(where(problems)).toEqual(['2:email', '2:phone', '4:role']);
    });
  });

  describe('row numbers are lines of the file (the header is line 1)', () => {
    it('counts blank lines', () => {
      const csv = file(
        HEADER,
        line({ employee_no: 'E5001' }),
        '',
        '',
        line({ employee_no: 'E5002', role: 'CEO' }),
      );
      const { rows, problems } = parseRoster(csv);
      expect(rows.map((r) => r.row)).toEqual([2]);
      expect(where(problems)).toEqual(['5:role']);
    });

    it('counts the lines of a quoted cell spanning two lines, and reports the row where it starts', () => {
      const csv = file(
        HEADER,
        line({ employee_no: 'E5101', display_name: 'Alice\nChen', role: 'CEO' }),
        line({ employee_no: 'E5102', role: 'CEO' }),
      );
      const { problems } = parseRoster(csv);
      expect(where(problems)).toEqual(['2:role', '4:role']);
    });

    it('skips rows whose cells are all empty (spreadsheet exports end with them), counting their lines', () => {
      const csv = file(
        HEADER,
        line({ employee_no: 'E5201' }),
        ',,,,,,,,,,,',
        line({ employee_no: 'E5202', role: 'CEO' }),
      );
      const { rows, problems, read } = parseRoster(csv);
      expect(read).toBe(2);
      expect(rows.map((r) => r.row)).toEqual([2]);
      expect(where(problems)).toEqual(['4:role']);
    });
  });

  // issue 17: a quote error swallowed the rest of the file (or refused it whole); now it costs its line
  describe('lines that are not CSV are rejected on their own, and the rows after them are read', () => {
    it.each([
      ['a quote that is never closed', 'E6003,"Alice Chen,T-CARDS', 'a quoted field is not closed'],
      ['text after a closing quote', 'E6004,"Alice" Chen,T-CARDS', 'text after a closing quote'],
      [
        'more fields than the header',
        `${line({ employee_no: 'E6008' })},extra`,
        'has 13 fields, the header 12',
      ],
    ])('%s', (_, bad, reason) => {
      const { rows, problems, read } = parseRoster(
        file(HEADER, line({ employee_no: 'E6010' }), bad, line({ employee_no: 'E6011' })),
      );
      expect(read).toBe(3);
      expect(rows.map((r) => r.row)).toEqual([2, 4]);
      expect(problems).toEqual([
        { row: 3, employeeNo: null, field: 'line', message: expect.stringContaining(reason) },
      ]);
    });

    it('rejects a line holding a NUL, and reads the others', () => {
      const { rows, problems } = parseRoster(
        file(
          HEADER,
          line({ employee_no: 'E6012', display_name: 'A\u0000B' }),
          line({ employee_no: 'E6013' }),
        ),
      );
      expect(rows.map((r) => r.row)).toEqual([3]);
      expect(where(problems)).toEqual(['2:line']);
    });

    it('reports header columns it does not know', () => {
      const csv = readCsvText(file(`${HEADER},shoe_size,Team_Color`, `${line()},42,red`), ROSTER_CSV);
      expect(csv.unknownColumns).toEqual(['shoe_size', 'team_color']);
      expect(parseFile(csv).rows).toHaveLength(1);
    });
  });

  describe('whole-file problems throw BAD_USER_INPUT on the field csv', () => {
    it('rejects a file without an employee_no column', () => {
      expect(fileError(file('staff_id,display_name', 'E6001,Alice'))).toEqual(csvError(/employee_no/));
    });

    it('rejects a file without a display_name column', () => {
      expect(fileError(file('employee_no,name', 'E6002,Alice'))).toEqual(csvError(/display_name/));
    });

    it.each([
      ['an empty file', ''],
      ['a file of blank lines', '\n\n\n'],
      ['a header without rows', file(HEADER)],
    ])('rejects %s as having no data rows', (_, csv) => {
      expect(fileError(csv)).toEqual(csvError(/no data rows/));
    });

    it('rejects a header that is not CSV (JSON instead of CSV) as a whole', () => {
      expect(fileError('{"employee_no": "E6005"}')).toEqual(csvError(/header.*quote/i));
    });

    it('does not mistake a short first row for a missing column', () => {
      const { rows, problems } = parseRoster(
        file('employee_no,display_name,email', 'E6006', 'E6007,Bob,bob@bank.example'),
      );
      expect(rows.map((r) => r.row)).toEqual([3]);
      expect(where(problems)).toEqual(['2:display_name']);
    });

    const rosterOf = (count: number, blankAt = -1): string =>
      file(
        'employee_no,display_name',
        ...Array.from({ length: count }, (_, i) => (i === blankAt ? `\nE${i},A` : `E${i},A`)),
      );

    it(`rejects more than ${MAX_ROSTER_ROWS} rows`, () => {
      expect(fileError(rosterOf(MAX_ROSTER_ROWS + 1))).toEqual(csvError(String(MAX_ROSTER_ROWS)));
    });

    it(`rejects more than ${MAX_ROSTER_ROWS} rows even when blank lines are among them`, () => {
      expect(fileError(rosterOf(MAX_ROSTER_ROWS + 1, 10))).toEqual(csvError(String(MAX_ROSTER_ROWS)));
    });
  });
});
