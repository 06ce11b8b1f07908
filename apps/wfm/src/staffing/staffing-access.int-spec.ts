import { randomUUID } from 'node:crypto';
import { WRITERS } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  accessLayout,
  accessMatrix,
  authorizationFor,
  cellsPerCaller,
  postGraphQL,
  startTestSubgraph,
  type AccessCell,
  type AccessLevel,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

/* The staffing calculator and plans, moved from kpi to wfm (issue 21) with the same rules. */
const { code, no, callers } = accessLayout(WRITERS.wfm);
const id = {
  A: randomUUID(),
  B: randomUUID(),
  A1: randomUUID(),
  A2: randomUUID(),
  B1: randomUUID(),
  queue: randomUUID(),
};
let wfm: TestSubgraph;

beforeAll(async () => {
  wfm = await startTestSubgraph(wfmSubgraph, {
    scopeSource: staticScopeSource({
      centers: {
        [code.A]: { id: id.A, teams: [code.A1, code.A2] },
        [code.B]: { id: id.B, teams: [code.B1] },
      },
      teams: {
        [code.A1]: { id: id.A1, employeeNos: [no.a1, no.lead] },
        [code.A2]: { id: id.A2, employeeNos: [] },
        [code.B1]: { id: id.B1, employeeNos: [] },
      },
    }),
  });
});
afterAll(() => wfm.stop());

const perCaller = cellsPerCaller(callers);
const levels =
  (...allowed: AccessLevel[]) =>
  (level: AccessLevel): AccessCell['expect'] =>
    allowed.includes(level) ? { allow: true } : { deny: true };

describe('wfm access: staffing', () => {
  accessMatrix(
    () => wfm.url,
    [
      ...perCaller(
        'staffing (Erlang math)',
        '{ staffing(input: { callsPerInterval: 100, ahtSeconds: 180 }) { rawAgents } }',
        undefined,
        () => ({ allow: true }),
      ),
      ...perCaller(
        'staffingPlan of a queue (callers who see a center; its center is checked in intervals)',
        'query($q: ID!) { staffingPlan(queueId: $q, day: "2026-01-05") { queueId } }',
        () => ({ q: id.queue }),
        levels('all', 'center'),
      ),
      ...perCaller(
        'staffingPlan intervals asked of wfm alone (no queue center from traffic)',
        'query($q: ID!) { staffingPlan(queueId: $q, day: "2026-01-05") { intervals { rawAgents } } }',
        () => ({ q: id.queue }),
        (level) =>
          level === 'all'
            ? { allow: true, check: (data) => expect(data.staffingPlan).toEqual({ intervals: [] }) }
            : { deny: true },
      ),
      ...perCaller(
        'staffingPlan forecast (method, forecastable, reason) asked of wfm alone (no queue center from traffic)',
        'query($q: ID!) { staffingPlan(queueId: $q, day: "2026-01-05") { forecastMethod forecastable forecastReason } }',
        () => ({ q: id.queue }),
        (level) =>
          level === 'all'
            ? {
                allow: true,
                check: (data) =>
                  expect(data.staffingPlan).toMatchObject({
                    forecastMethod: 'SAME_WEEKDAY_4W',
                    forecastable: false,
                  }),
              }
            : { deny: true },
      ),
    ],
  );
});

/** A plan as traffic completes it: one interval of history and the queue's center. */
const planRef = (centerId: string | null) => ({
  __typename: 'StaffingPlan',
  queueId: id.queue,
  day: '2026-01-05',
  timeZone: 'UTC',
  weeks: 4,
  intervalMinutes: 30,
  history: [
    { intervalStart: '2026-01-05T09:00:00.000Z', forecastCalls: 50, ahtSeconds: 200, loggedInAgents: 5 },
  ],
  centerId,
});
const PLAN = `query($r: [_Any!]!) { _entities(representations: $r) { ... on StaffingPlan { intervals { rawAgents } } } }`;

describe("wfm access: a staffing plan's intervals for callers who see its queue's center (traffic's centerId)", () => {
  const queueCenters = { 'center A': () => id.A, 'center B': () => id.B, 'no center': () => null };
  it.each(callers.flatMap((c) => Object.keys(queueCenters).map((queue) => [c.who, queue, c] as const)))(
    '%s, a queue of %s',
    async (_who, queue, c) => {
      const centerId = queueCenters[queue as keyof typeof queueCenters]();
      const answer = await postGraphQL<{ _entities: ({ intervals: unknown[] } | null)[] }>(
        wfm.url,
        PLAN,
        { r: [planRef(centerId?.toUpperCase() ?? null)] },
        await authorizationFor(wfm.url, c.identity),
      );
      const sees = c.level === 'all' || (c.level === 'center' && centerId === id.A);
      if (sees) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data?._entities[0]?.intervals).toHaveLength(1);
      } else {
        expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(answer.data?._entities).toEqual([null]);
      }
    },
  );
});
