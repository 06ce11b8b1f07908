import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { dashboardOperations, mixedVisits, seededRandom, type Organisation } from './mixed-workload';

/** The schema the dashboard is generated against (the gateway's API schema). */
const schema = buildSchema(
  readFileSync(resolve(__dirname, '..', '..', '..', 'apps/dashboard/schema.graphql'), 'utf8'),
);

const team = (center: string, n: number) => ({
  id: `00000000-0000-4000-8000-${center.length}${String(n).padStart(11, '0')}`,
  code: `${center}-T${n}`,
  members: [
    { employeeNo: `${center}L${n}`, role: 'TEAM_LEAD' },
    { employeeNo: `${center}Q${n}`, role: 'QA_EVALUATOR' },
    ...Array.from({ length: 8 }, (_, i) => ({ employeeNo: `${center}A${n}${i}`, role: 'AGENT' })),
  ],
});
const ORG: Organisation = {
  centers: ['SHA', 'CTU', 'SZX', 'PEK'].map((code, c) => ({
    id: `00000000-0000-4000-8000-00000000000${c}`,
    code,
    timeZone: 'Asia/Shanghai',
    teams: [1, 2, 3, 4].map((n) => team(code, n)),
  })),
  queues: [
    { id: '00000000-0000-4000-8000-0000000000aa', center: { id: '00000000-0000-4000-8000-000000000000' } },
  ],
};

describe('the mixed morning of bench:dashboard (issue 23)', () => {
  const { visits, people } = mixedVisits(ORG, {
    seed: 23,
    count: 2_000,
    agentsPerTeam: 4,
    now: new Date('2026-12-07T01:00:00Z'),
  });

  it('draws at least 80 people of every role of the dashboard, each with their own scope', () => {
    expect(people).toBeGreaterThanOrEqual(80);
    const subjects = new Set(visits.map((v) => v.identity.subject));
    expect(subjects.size).toBeGreaterThanOrEqual(80);
    expect(new Set(visits.map((v) => v.identity.roles[0]))).toEqual(
      new Set(['CENTER_MANAGER', 'HR', 'TEAM_LEAD', 'AGENT', 'QA_EVALUATOR']),
    );
    const agent = visits.find((v) => v.identity.roles[0] === 'AGENT');
    expect(agent?.variables.employeeNo).toBe(agent?.identity.employeeNo);
  });

  it('sends every kind of page over 1, 7 and 30 days, and no two consecutive requests alike', () => {
    expect(new Set(visits.map((v) => v.operation))).toEqual(
      new Set([
        'CenterOverview',
        'StaffingPlan',
        'TeamDrilldown',
        'AgentPage',
        'HrCompliance',
        'QaPage',
        'AgentSearch',
        'TeamByCode',
      ]),
    );
    const spans = new Set(
      visits
        .filter((v) => typeof v.variables.from === 'string')
        .map((v) => (Date.parse(String(v.variables.to)) - Date.parse(String(v.variables.from))) / 86_400_000),
    );
    expect(spans).toEqual(new Set([1, 7, 30]));
    const same = visits.filter(
      (v, i) => i > 0 && JSON.stringify(v) === JSON.stringify(visits[i - 1]) && v.operation !== 'QaPage',
    );
    expect(same.length / visits.length).toBeLessThan(0.01);
  });

  it('is the same morning for the same seed, and another for another', () => {
    const again = mixedVisits(ORG, {
      seed: 23,
      count: 50,
      agentsPerTeam: 4,
      now: new Date('2026-12-07T01:00:00Z'),
    });
    const other = mixedVisits(ORG, {
      seed: 24,
      count: 50,
      agentsPerTeam: 4,
      now: new Date('2026-12-07T01:00:00Z'),
    });
    expect(again.visits).toEqual(visits.slice(0, 50));
    expect(other.visits).not.toEqual(visits.slice(0, 50));
    const random = seededRandom(1);
    expect(Array.from({ length: 3 }, random)).toEqual(Array.from({ length: 3 }, seededRandom(1)));
  });

  it("sends each page as the dashboard does: its own operation, valid against the API with the visit's variables", () => {
    const operations = dashboardOperations();
    for (const visit of visits.slice(0, 60)) {
      const document = parse(operations[visit.operation]);
      expect(validate(schema, document)).toEqual([]);
      const definition = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      );
      const coerced = getVariableValues(schema, definition?.variableDefinitions ?? [], visit.variables);
      expect(coerced.errors ?? []).toEqual([]);
    }
  });
});
