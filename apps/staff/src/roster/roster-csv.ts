import { validateSync } from 'class-validator';
import { badUserInput, flattenValidationErrors } from '@switchboard/server';
import {
  isCalendarDate,
  type CsvFile,
  type CsvFileOptions,
  type RowProblem,
} from '@switchboard/subgraph-kit';
import { AgentRole, AgentStatus } from '../agent/agent.entity';
import { AgentSkillInput, HireAgentInput } from '../agent/agent.input';

/** Roster columns (header names, case-insensitive; extra columns are ignored). */
export const ROSTER_COLUMNS = [
  'employee_no',
  'display_name',
  'team',
  'role',
  'career_level',
  'status',
  'hire_date',
  'effective_date',
  'email',
  'phone',
  'national_id',
  'skills',
] as const;
type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export const MAX_ROSTER_ROWS = 50_000;

/** How a roster file is read (readCsvFile). */
export const ROSTER_CSV: CsvFileOptions = { columns: ROSTER_COLUMNS, maxRows: MAX_ROSTER_ROWS };

/** A bad row of the file: the kit's one problem shape (line, employee, column, message). */
export type RosterProblem = RowProblem;

export interface RosterRow {
  row: number;
  /** Validated values, in the shape of a hire; absent columns keep their defaults. */
  agent: HireAgentInput;
  teamCode: string | null;
  status: AgentStatus | null;
  /** Day a team change takes effect; today when absent. */
  effectiveDate: string | null;
  /**
   * Columns with a value on this row. An absent column or an empty cell never overwrites stored
   * data: a blank role must not demote a team lead, a blank skills cell must not drop every skill.
   */
  given: ReadonlySet<RosterColumn>;
}

const FIELD_TO_COLUMN: Record<string, RosterColumn> = {
  employeeNo: 'employee_no',
  displayName: 'display_name',
  careerLevel: 'career_level',
  hireDate: 'hire_date',
  email: 'email',
  phone: 'phone',
  nationalId: 'national_id',
  role: 'role',
};

/** `CARDS:4; LOANS:3` (or `|`-separated) -> skill inputs. */
function parseSkills(text: string): AgentSkillInput[] | string {
  const skills: AgentSkillInput[] = [];
  for (const part of text
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([^:]+):\s*(\d+)$/.exec(part);
    if (!match) return `"${part}" is not CODE:PROFICIENCY (e.g. CARDS:4)`;
    skills.push(
      Object.assign(new AgentSkillInput(), { skillCode: match[1].trim(), proficiency: Number(match[2]) }),
    );
  }
  return skills;
}

/**
 * Validates every row of a roster file (read by readCsvFile with ROSTER_CSV); its rejected lines
 * (not CSV, not UTF-8, a NUL, too many fields) are problems of their rows, on the field `line`.
 * A file without the required columns throws BAD_USER_INPUT.
 */
export function parseRoster(file: CsvFile): { rows: RosterRow[]; problems: RosterProblem[]; read: number } {
  const { header, records } = file;
  for (const required of ['employee_no', 'display_name'] as const) {
    if (!header.has(required)) throw badUserInput({ field: 'csv', message: `has no "${required}" column` });
  }
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = file.rejected.map(({ line, field, reason }) => ({
    row: line,
    employeeNo: null,
    field: field ?? 'line',
    message: reason,
  }));
  const firstRowOf = new Map<string, number>();
  for (const { line: row, cells } of records) {
    const value = (column: RosterColumn): string | null => cells[column] || null;
    const employeeNo = value('employee_no');
    const own: RosterProblem[] = [];
    const problem = (field: string, message: string): void => {
      own.push({ row, employeeNo, field, message });
    };
    const agent = Object.assign(new HireAgentInput(), {
      employeeNo: employeeNo ?? '',
      displayName: value('display_name') ?? '',
      role: AgentRole.AGENT,
      careerLevel: 1,
      hireDate: value('hire_date') ?? '',
      email: value('email'),
      phone: value('phone'),
      nationalId: value('national_id'),
      skills: [] as AgentSkillInput[],
    });
    const role = value('role');
    if (role && !(role.toUpperCase() in AgentRole))
      problem('role', `must be one of ${Object.keys(AgentRole).join(', ')}`);
    else if (role) agent.role = role.toUpperCase() as AgentRole;
    const level = value('career_level');
    if (level !== null) agent.careerLevel = /^-?\d+$/.test(level) ? Number(level) : Number.NaN;
    const status = value('status')?.toUpperCase() ?? null;
    if (status && status !== AgentStatus.ACTIVE && status !== AgentStatus.ON_LEAVE) {
      problem('status', 'must be ACTIVE or ON_LEAVE (terminations go through terminateAgent)');
    }
    for (const column of ['hire_date', 'effective_date'] as const) {
      const date = value(column);
      if (date && !isCalendarDate(date)) problem(column, 'must be a date YYYY-MM-DD');
    }
    const skills = value('skills');
    if (skills) {
      const parsed = parseSkills(skills);
      if (typeof parsed === 'string') problem('skills', parsed);
      else agent.skills = parsed;
    }
    for (const p of flattenValidationErrors(validateSync(agent, { forbidUnknownValues: false }))) {
      const column = p.field.startsWith('skills') ? 'skills' : (FIELD_TO_COLUMN[p.field] ?? p.field);
      problem(column, p.message);
    }
    if (employeeNo) {
      const first = firstRowOf.get(employeeNo);
      if (first !== undefined)
        problem('employee_no', `"${employeeNo}" appears again (first on row ${first})`);
      else firstRowOf.set(employeeNo, row);
    }
    if (own.length > 0) {
      problems.push(...own);
      continue;
    }
    rows.push({
      row,
      agent,
      teamCode: value('team'),
      status: status as AgentStatus | null,
      effectiveDate: value('effective_date'),
      given: new Set(ROSTER_COLUMNS.filter((column) => value(column) !== null)),
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { rows, problems, read: records.length + file.rejected.length };
}
