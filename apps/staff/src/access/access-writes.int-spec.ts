import {
  accessMatrix,
  callerCell,
  type AccessCaller,
  everyMutationRefused,
  startTestSubgraph,
  type AccessCell,
  type MutationCall,
  type TestSubgraph,
} from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { AccessFixture } from '../testing/access-fixture';

const fx = new AccessFixture();
let staff: TestSubgraph;
/** Agents of their own for the cells that change one (a terminated agent cannot be terminated twice). */
const fresh: Record<string, string> = {};

beforeAll(async () => {
  staff = await startTestSubgraph(staffSubgraph);
  await fx.create(staff.url);
  for (const key of ['moveHr', 'moveAdmin', 'endHr', 'endAdmin'])
    fresh[key] = await fx.agentIn(staff.url, 'A2');
});
afterAll(() => staff.stop());

let serial = 0;
const code = (prefix: string) => `${prefix}${fx.tag}-${(serial += 1)}`;
const today = new Date().toISOString().slice(0, 10);
const ROSTER_HEADER = 'employee_no,display_name,team,role,career_level,hire_date';

const M = {
  hireAgent: 'mutation($input: HireAgentInput!) { hireAgent(input: $input) { employeeNo } }',
  updateAgent:
    'mutation($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { employeeNo } }',
  transferAgent:
    'mutation($id: ID!, $input: TransferAgentInput!) { transferAgent(id: $id, input: $input) { employeeNo } }',
  terminateAgent:
    'mutation($id: ID!, $input: TerminateAgentInput!) { terminateAgent(id: $id, input: $input) { status } }',
  createCenter: 'mutation($input: CreateCenterInput!) { createCenter(input: $input) { code } }',
  updateCenter:
    'mutation($id: ID!, $input: UpdateCenterInput!) { updateCenter(id: $id, input: $input) { code } }',
  importRoster: `mutation($csv: String!) { importRoster(csv: $csv, options: { dryRun: true }) {
    read rejected problems { field message } } }`,
  createSkill: 'mutation($input: CreateSkillInput!) { createSkill(input: $input) { code } }',
  createTeam: 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { code } }',
  updateTeam: 'mutation($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { code } }',
};

const hire = (team?: 'A2' | 'B1') => () => ({
  input: {
    employeeNo: code('H'),
    displayName: 'New Hire',
    hireDate: '2025-01-06',
    ...(team ? { teamId: fx.id[team] } : {}),
  },
});
const roster = (team: string) => () => ({
  csv: `${ROSTER_HEADER}\n${code('R')},Roster Row,${team},AGENT,1,2025-01-06`,
});

/** A well-formed call of every staff mutation, on data every writer sees (only the role decides). */
const samples = (): Record<string, MutationCall> => ({
  hireAgent: { query: M.hireAgent, variables: hire('A2') },
  updateAgent: {
    query: M.updateAgent,
    variables: () => ({ id: fx.id.b1, input: { displayName: 'Changed' } }),
  },
  transferAgent: {
    query: M.transferAgent,
    variables: () => ({ id: fx.id.a2, input: { teamId: fx.id.A1, effectiveDate: today } }),
  },
  terminateAgent: {
    query: M.terminateAgent,
    variables: () => ({ id: fx.id.b1, input: { terminationDate: today } }),
  },
  createCenter: {
    query: M.createCenter,
    variables: () => ({ input: { code: code('C'), name: 'New', timeZone: 'Asia/Shanghai' } }),
  },
  updateCenter: { query: M.updateCenter, variables: () => ({ id: fx.id.A, input: { name: 'Renamed' } }) },
  importRoster: { query: M.importRoster, variables: roster(fx.code.A2) },
  createSkill: { query: M.createSkill, variables: () => ({ input: { code: code('S'), name: 'Skill' } }) },
  createTeam: {
    query: M.createTeam,
    variables: () => ({ input: { code: code('T'), name: 'Team', centerId: fx.id.A } }),
  },
  updateTeam: { query: M.updateTeam, variables: () => ({ id: fx.id.A2, input: { name: 'Renamed' } }) },
});

describe('staff access: every mutation refused to every role but HR and ADMIN', () => {
  everyMutationRefused(
    () => staff.url,
    samples,
    fx.callers.filter((c) => !c.writer),
  );
});

describe('staff access: writers inside their scope only', () => {
  const [admin, hr, hrOfA] = ['ADMIN', 'HR', `HR of ${fx.code.A}`].map(fx.callerNamed);
  const cell = (
    writer: AccessCaller,
    operation: keyof typeof M,
    variables: () => Record<string, unknown>,
    expect: AccessCell['expect'],
    label = '',
  ): AccessCell => callerCell(writer, `${operation}${label}`, M[operation], variables, expect);
  const allow = { allow: true } as const;
  const deny = { deny: true } as const;
  const rejected = (field: string) => ({
    allow: true as const,
    check: (data: Record<string, unknown>) =>
      expect(data.importRoster).toMatchObject({
        rejected: 1,
        problems: [{ field, message: 'outside your access scope' }],
      }),
  });

  accessMatrix(
    () => staff.url,
    [
      cell(admin, 'createCenter', samples().createCenter.variables!, allow),
      cell(hr, 'createCenter', samples().createCenter.variables!, allow),
      cell(hrOfA, 'createCenter', samples().createCenter.variables!, deny, ' (a new center is bank-wide)'),
      cell(hrOfA, 'updateCenter', () => ({ id: fx.id.A, input: { name: 'A' } }), allow, ' of A'),
      cell(hrOfA, 'updateCenter', () => ({ id: fx.id.B, input: { name: 'B' } }), deny, ' of B'),
      cell(hr, 'updateCenter', () => ({ id: fx.id.B, input: { name: 'B' } }), allow, ' of B'),
      cell(hrOfA, 'createTeam', samples().createTeam.variables!, allow, ' in A'),
      cell(
        hrOfA,
        'createTeam',
        () => ({ input: { code: code('T'), name: 'Team', centerId: fx.id.B } }),
        deny,
        ' in B',
      ),
      cell(hrOfA, 'updateTeam', () => ({ id: fx.id.A2, input: { name: 'A2' } }), allow, ' A2'),
      cell(hrOfA, 'updateTeam', () => ({ id: fx.id.B1, input: { name: 'B1' } }), deny, ' B1'),
      cell(
        hrOfA,
        'updateTeam',
        () => ({ id: fx.id.A2, input: { leadEmployeeNo: fx.no.b1 } }),
        deny,
        ' A2 led by b1 (outside)',
      ),
      cell(hr, 'createSkill', samples().createSkill.variables!, allow),
      cell(hrOfA, 'createSkill', samples().createSkill.variables!, deny, ' (the catalog is bank-wide)'),
      cell(hrOfA, 'hireAgent', hire('A2'), allow, ' into A2'),
      cell(hrOfA, 'hireAgent', hire('B1'), deny, ' into B1'),
      cell(hrOfA, 'hireAgent', hire(), deny, ' into no team'),
      cell(admin, 'hireAgent', hire(), allow, ' into no team'),
      cell(hrOfA, 'updateAgent', () => ({ id: fx.id.a2, input: { careerLevel: 2 } }), allow, ' a2'),
      cell(hrOfA, 'updateAgent', () => ({ id: fx.id.b1, input: { careerLevel: 2 } }), deny, ' b1'),
      cell(
        hrOfA,
        'transferAgent',
        () => ({ id: fresh.moveHr, input: { teamId: fx.id.A1, effectiveDate: today } }),
        allow,
        ' A2 -> A1',
      ),
      cell(
        hrOfA,
        'transferAgent',
        () => ({ id: fx.id.a2, input: { teamId: fx.id.B1, effectiveDate: today } }),
        deny,
        ' A2 -> B1',
      ),
      cell(
        hrOfA,
        'transferAgent',
        () => ({ id: fx.id.b1, input: { teamId: fx.id.A1, effectiveDate: today } }),
        deny,
        ' B1 -> A1',
      ),
      cell(
        admin,
        'transferAgent',
        () => ({ id: fresh.moveAdmin, input: { teamId: fx.id.B1, effectiveDate: today } }),
        allow,
        ' A2 -> B1',
      ),
      cell(
        hrOfA,
        'terminateAgent',
        () => ({ id: fresh.endHr, input: { terminationDate: today } }),
        allow,
        ' in A2',
      ),
      cell(hrOfA, 'terminateAgent', () => ({ id: fx.id.b1, input: { terminationDate: today } }), deny, ' b1'),
      cell(
        hr,
        'terminateAgent',
        () => ({ id: fresh.endAdmin, input: { terminationDate: today } }),
        allow,
        ' in A2',
      ),
      cell(
        hrOfA,
        'importRoster',
        roster(fx.code.A2),
        { allow: true, check: (d) => expect(d.importRoster).toMatchObject({ rejected: 0 }) },
        ' into A2',
      ),
      cell(hrOfA, 'importRoster', roster(fx.code.B1), rejected('team'), ' into B1: row rejected'),
      cell(
        hrOfA,
        'importRoster',
        roster(`NOPE-${fx.tag}`),
        rejected('team'),
        ' into an unknown team: same answer',
      ),
      cell(
        hrOfA,
        'importRoster',
        () => ({ csv: `${ROSTER_HEADER}\n${fx.no.b1},Renamed,,AGENT,1,2025-01-06` }),
        rejected('employee_no'),
        ' of b1: row rejected',
      ),
      cell(
        hr,
        'importRoster',
        roster(fx.code.B1),
        { allow: true, check: (d) => expect(d.importRoster).toMatchObject({ rejected: 0 }) },
        ' into B1',
      ),
    ],
  );
});
