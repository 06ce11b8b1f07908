import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  badInputProperties,
  checkBadRows,
  type ImportCase,
  invalid,
  invalidCell,
  type MutationCase,
  postImportFile,
  SAME_AS_FIRST_ROW,
  startTestSubgraph,
  strictImportAnswer,
  type TestSubgraph,
  toCsv,
} from '@switchboard/testing';
import { ROSTER_COLUMNS } from './roster/roster-csv';
import { staffSubgraph } from './staff.subgraph';
import { StaffFactory } from './testing/staff-factories';

const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex').toUpperCase()}`;
const timeZone = fc.oneof(invalid.requiredText, fc.constantFrom('Mars/Olympus_Mons', 'UTC+25', 'GMT-99'));
const employeeNo = fc.oneof(invalid.code, fc.constant('NO-SUCH-AGENT'));
// Employee numbers may be lower case (ACD and HR exports differ): only shape, length and characters are wrong.
const newEmployeeNo = fc.oneof(
  invalid.requiredText,
  fc.constantFrom('WITH SPACE', "X'; DROP TABLE agent; --", 'Ünïcödé', '😀', '-leading-dash', 'x'.repeat(33)),
);

/** Every staff mutation, its valid form, and what must be refused in each field (issue: bad input everywhere). */
describe('staff: bad input is refused with a clear error and writes nothing', () => {
  let staff: TestSubgraph;
  const ids: Record<string, string> = {};
  let factory: StaffFactory;
  /** An agent of its own for each case that changes one (terminating one twice would be refused). */
  const freshAgent = async () => (await factory.agent({ teamId: ids.team, hireDate: '2025-01-06' })).id;
  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
    ids.center = (await factory.center()).id;
    ids.team = (await factory.team(ids.center)).id;
    ids.otherTeam = (await factory.team(ids.center)).id;
    ids.skill = (await factory.skill({ code: 'BAD-INPUT-SKILL' })).code;
    const elsewhere = await factory.team((await factory.center()).id);
    ids.foreignLead = (await factory.agent({ teamId: elsewhere.id })).employeeNo;
  });
  afterAll(() => staff.stop());

  /** A lead that exists but makes no sense: an agent of another center's team (issue 17). */
  const lead = fc.oneof(
    employeeNo,
    fc.constant(null).map(() => ids.foreignLead),
  );
  const skillCode = fc.oneof(invalid.code, fc.constantFrom('NO-SUCH-SKILL', 'CARDS-9'));

  const cases = (): MutationCase[] => [
    {
      name: 'hireAgent',
      document: 'mutation($input: HireAgentInput!) { hireAgent(input: $input) { id } }',
      valid: () => ({
        input: {
          employeeNo: unique('E'),
          displayName: 'Wang Fang',
          hireDate: '2025-03-03',
          teamId: ids.team,
          careerLevel: 2,
          role: 'AGENT',
          email: 'wang.fang@bank.example',
          phone: '+86 21 5555 0101',
          nationalId: '110101199003074518',
          skills: [{ skillCode: ids.skill, proficiency: 3 }],
        },
      }),
      fields: {
        'input.employeeNo': newEmployeeNo,
        'input.displayName': invalid.requiredText,
        'input.hireDate': invalid.date,
        'input.teamId': invalid.reference,
        'input.careerLevel': invalid.smallInt,
        'input.role': invalid.enumValue,
        'input.email': invalid.text,
        'input.phone': invalid.text,
        'input.nationalId': invalid.text,
        'input.skills.0.skillCode': skillCode,
        'input.skills.0.proficiency': invalid.smallInt,
      },
    },
    {
      name: 'updateAgent',
      document:
        'mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }',
      valid: async () => ({
        id: await freshAgent(),
        input: { displayName: 'Wang Fang', careerLevel: 3, status: 'ACTIVE' },
      }),
      fields: {
        id: invalid.reference,
        'input.displayName': invalid.requiredText,
        'input.careerLevel': invalid.smallInt,
        'input.status': invalid.enumValue,
      },
    },
    {
      name: 'transferAgent',
      document:
        'mutation($id: ID!, $input: TransferAgentInput!) { transferAgent(id: $id, input: $input) { id } }',
      valid: async () => ({
        id: await freshAgent(),
        input: { teamId: ids.otherTeam, effectiveDate: '2025-06-02' },
      }),
      fields: {
        id: invalid.reference,
        'input.teamId': invalid.reference,
        'input.effectiveDate': invalid.date,
      },
    },
    {
      name: 'terminateAgent',
      document:
        'mutation($id: ID!, $input: TerminateAgentInput!) { terminateAgent(id: $id, input: $input) { id } }',
      valid: async () => ({ id: await freshAgent(), input: { terminationDate: '2025-12-31' } }),
      fields: { id: invalid.reference, 'input.terminationDate': invalid.date },
    },
    {
      name: 'createCenter',
      document: 'mutation($input: CreateCenterInput!) { createCenter(input: $input) { id } }',
      valid: () => ({
        input: { code: unique('C'), name: 'Shenzhen', timeZone: 'Asia/Shanghai', kind: 'PERMANENT' },
      }),
      fields: {
        'input.code': invalid.code,
        'input.name': invalid.requiredText,
        'input.timeZone': timeZone,
        'input.kind': invalid.enumValue,
        'input.activeFrom': invalid.date,
      },
    },
    {
      name: 'updateCenter',
      document:
        'mutation($id: ID!, $input: UpdateCenterInput!) { updateCenter(id: $id, input: $input) { id } }',
      valid: () => ({ id: ids.center, input: { name: 'Renamed', timeZone: 'Asia/Shanghai' } }),
      fields: { id: invalid.reference, 'input.name': invalid.requiredText, 'input.timeZone': timeZone },
    },
    {
      name: 'createTeam',
      document: 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
      valid: () => ({ input: { code: unique('T'), name: 'Cards', centerId: ids.center } }),
      fields: {
        'input.code': invalid.code,
        'input.name': invalid.requiredText,
        'input.centerId': invalid.reference,
        'input.leadEmployeeNo': lead,
      },
    },
    {
      name: 'updateTeam',
      document: 'mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }',
      valid: () => ({ id: ids.team, input: { name: 'Cards' } }),
      fields: {
        id: invalid.reference,
        'input.name': invalid.requiredText,
        'input.leadEmployeeNo': lead,
      },
    },
    {
      name: 'createSkill',
      document: 'mutation($input: CreateSkillInput!) { createSkill(input: $input) { id } }',
      valid: () => ({ input: { code: unique('S'), name: 'Wealth', description: 'Wealth products' } }),
      fields: {
        'input.code': invalid.code,
        'input.name': invalid.requiredText,
        'input.description': invalid.text,
      },
    },
  ];

  it('roster CSV: a bad row or line is refused by line and column, every row is accounted for, and the file writes nothing', async () => {
    const team = await factory.team(ids.center);
    const roster: ImportCase = {
      name: 'roster',
      validRow: () => ({
        employee_no: unique('R'),
        display_name: 'Wang Fang',
        team: team.code,
        role: 'AGENT',
        career_level: '2',
        status: 'ACTIVE',
        hire_date: '2025-03-03',
        effective_date: '2025-03-03',
        email: 'wang.fang@bank.example',
        phone: '+86 21 5555 0101',
        national_id: '110101199003074518',
        skills: `${ids.skill}:3`,
      }),
      cells: {
        employee_no: fc.oneof(
          invalidCell.requiredText,
          fc.constantFrom(SAME_AS_FIRST_ROW, 'WITH SPACE', '😀'),
        ),
        display_name: invalidCell.requiredText,
        team: fc.oneof(invalidCell.code, fc.constant('NO-SUCH-TEAM')),
        role: invalidCell.enumValue,
        career_level: invalidCell.number,
        status: fc.oneof(invalidCell.enumValue, fc.constant('TERMINATED')),
        hire_date: invalidCell.date,
        effective_date: invalidCell.date,
        email: fc.oneof(invalidCell.text, fc.constant('not an email')),
        phone: invalidCell.text,
        national_id: invalidCell.text,
        skills: fc.constantFrom(
          'NO-SUCH-SKILL:3',
          `${ids.skill}:9`,
          `${ids.skill}:-1`,
          `${ids.skill}`,
          ':::',
          `${ids.skill}:3;${ids.skill}:2`,
        ),
      },
      // streamed, as `switchboard import roster` sends it (the mutation shares the parser and rules)
      send: async (rows) =>
        strictImportAnswer(await postImportFile(staff.url, '/import/roster', toCsv(ROSTER_COLUMNS, rows))),
      bytes: {
        text: (rows) => toCsv(ROSTER_COLUMNS, rows),
        send: async (body) => strictImportAnswer(await postImportFile(staff.url, '/import/roster', body)),
      },
      lineOf: (index) => index + 2, // the header is line 1
    };
    await checkBadRows(staff.orm, roster, 40);
  }, 180_000);

  badInputProperties(() => staff, cases, 30);
});
