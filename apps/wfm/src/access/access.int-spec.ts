import { randomUUID } from 'node:crypto';
import { WRITERS } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  accessLayout,
  accessMatrix,
  writesInCenter,
  cellsPerCaller,
  everyMutationRefused,
  KnownReferences,
  startTestSubgraph,
  type AccessLevel,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';
import { TrafficStatesDouble } from '../testing/traffic-states-double';
import { WfmFactory } from '../testing/wfm-factories';

const { code, no, callers, seen: agentsSeenBy } = accessLayout(WRITERS.wfm);
const everyone = [no.a1, no.a2, no.b1, no.lead];
const scheduleIds: Record<string, string> = {};
const queue = randomUUID();
const readsForecasts = (who: string) =>
  (callers.find((c) => c.who === who)?.identity.roles ?? []).some((r) =>
    ['TEAM_LEAD', 'CENTER_MANAGER', 'BI_READER', 'ADMIN'].includes(r),
  );
const id = { A: randomUUID(), B: randomUUID(), A1: randomUUID(), A2: randomUUID(), B1: randomUUID() };
const rows: Record<'A' | 'B', string> = { A: '', B: '' };
let wfm: TestSubgraph;
const gateway = new TrafficStatesDouble();

beforeAll(async () => {
  process.env.SWITCHBOARD_GATEWAY_URL = await gateway.start(); // traffic's states for adherence
  wfm = await startTestSubgraph(wfmSubgraph, {
    scopeSource: staticScopeSource({
      centers: {
        [code.A]: { id: id.A, teams: [code.A1, code.A2] },
        [code.B]: { id: id.B, teams: [code.B1] },
      },
      teams: {
        [code.A1]: { id: id.A1, employeeNos: [no.a1, no.lead] },
        [code.A2]: { id: id.A2, employeeNos: [no.a2] },
        [code.B1]: { id: id.B1, employeeNos: [no.b1] },
      },
    }),
    referenceSource: new KnownReferences()
      .add('center', id.A, id.B)
      .add('agent', ...everyone)
      .add('queue', queue).source,
  });
  const factory = new WfmFactory(wfm.url);
  rows.A = (await factory.specialDay({ centerId: id.A })).id;
  rows.B = (await factory.specialDay({ centerId: id.B })).id;
  for (const [employeeNo, scheduleId] of Object.entries(await factory.schedules(everyone, '2026-11-02')))
    scheduleIds[employeeNo] = scheduleId;
});
afterAll(async () => {
  await wfm.stop();
  await gateway.stop();
});

/** The centers' records each level reads. */
const seen: Record<AccessLevel, ('A' | 'B')[]> = { all: ['A', 'B'], center: ['A'], team: [], self: [] };
const perCaller = cellsPerCaller(callers);
const ids = (list: unknown) => ((list ?? []) as { id: string }[]).map((r) => r.id).sort();

describe('wfm access: queries', () => {
  accessMatrix(
    () => wfm.url,
    [
      ...perCaller('specialDays', '{ specialDays { id } }', undefined, (level) => ({
        scoped: (data) => expect(ids(data.specialDays)).toEqual(seen[level].map((k) => rows[k]).sort()),
      })),
      ...perCaller(
        "center B's specialDay by id",
        'query($id: ID!) { specialDay(id: $id) { id } }',
        () => ({ id: rows.B }),
        (level) => ({
          scoped: (data) => expect(data.specialDay).toEqual(level === 'all' ? { id: rows.B } : null),
        }),
      ),
      ...perCaller(
        "center B's specialDay by reference",
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on SpecialDay { id } } }',
        () => ({ r: [{ __typename: 'SpecialDay', id: rows.B }] }),
        (level) => ({
          scoped: (data) => expect(data._entities).toEqual([level === 'all' ? { id: rows.B } : null]),
        }),
      ),
      ...perCaller('activityCodes', '{ activityCodes { code } }', undefined, () => ({ allow: true })),
      ...perCaller(
        'schedules',
        '{ schedules(from: "2026-11-02", to: "2026-11-03") { employeeNo } }',
        undefined,
        (level) => ({
          scoped: (data) =>
            expect(
              ((data.schedules ?? []) as { employeeNo: string }[]).map((r) => r.employeeNo).sort(),
            ).toEqual(agentsSeenBy(level, everyone)),
        }),
      ),
      ...perCaller(
        'adherence',
        '{ adherence(from: "2026-11-02", to: "2026-11-03") { employeeNo } }',
        undefined,
        (level) => ({
          scoped: (data) =>
            expect(((data.adherence ?? []) as { employeeNo: string }[]).map((r) => r.employeeNo)).toEqual(
              agentsSeenBy(level, everyone),
            ),
        }),
      ),
      ...perCaller(
        'forecast',
        'query($q: ID!) { forecast(queueId: $q, from: "2026-11-02", to: "2026-11-03") { forecastable } }',
        () => ({ q: queue }),
        (_level, who) => (readsForecasts(who) ? { allow: true } : { deny: true }),
      ),
      ...perCaller(
        'forecastBacktest',
        'query($q: ID!) { forecastBacktest(queueId: $q, from: "2026-10-02", to: "2026-11-03") { forecastable } }',
        () => ({ q: queue }),
        (_level, who) => (readsForecasts(who) ? { allow: true } : { deny: true }),
      ),
      ...perCaller(
        'forecastAccuracy',
        'query($q: ID!) { forecastAccuracy(queueId: $q, from: "2026-10-02", to: "2026-11-03") { runId } }',
        () => ({ q: queue }),
        (_level, who) => (readsForecasts(who) ? { allow: true } : { deny: true }),
      ),
      ...perCaller(
        'intradayForecasts',
        'query($q: ID!) { intradayForecasts(queueIds: [$q], at: "2026-11-02T09:00:00Z") { queueId reason } }',
        () => ({ q: queue }),
        (_level, who) => (readsForecasts(who) ? { allow: true } : { deny: true }),
      ),
      ...perCaller(
        'coverage',
        '{ coverage(date: "2026-11-02", intervalMinutes: 60) { scheduledOnQueue } }',
        undefined,
        (level) => ({
          // every agent is on queue 09:00-17:00: the 09:00 interval counts the agents the caller sees
          scoped: (data) =>
            expect((data.coverage as { scheduledOnQueue: number }[])[9].scheduledOnQueue).toBe(
              agentsSeenBy(level, everyone).length,
            ),
        }),
      ),
      ...perCaller(
        "b1's schedule by id",
        'query($id: ID!) { schedule(id: $id) { employeeNo } }',
        () => ({ id: scheduleIds[no.b1] }),
        (level) => ({
          scoped: (data) => expect(data.schedule).toEqual(level === 'all' ? { employeeNo: no.b1 } : null),
        }),
      ),
      ...perCaller(
        "a1's schedule by reference",
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Schedule { employeeNo } } }',
        () => ({ r: [{ __typename: 'Schedule', id: scheduleIds[no.a1] }] }),
        () => ({ scoped: (data) => expect(data._entities).toEqual([{ employeeNo: no.a1 }]) }),
      ),
      ...perCaller(
        "b1's schedule by reference",
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Schedule { employeeNo } } }',
        () => ({ r: [{ __typename: 'Schedule', id: scheduleIds[no.b1] }] }),
        (level) => ({
          scoped: (data) => expect(data._entities).toEqual([level === 'all' ? { employeeNo: no.b1 } : null]),
        }),
      ),
    ],
  );
});

describe('wfm access: writes', () => {
  const CREATE = 'mutation($i: CreateSpecialDayInput!) { createSpecialDay(input: $i) { id } }';
  const HOLIDAYS =
    'mutation($c: [ID!]!) { importCalendarHolidays(centerIds: $c, from: "2026-01-01", to: "2027-01-01") { created } }';
  const writesIn = writesInCenter(callers);
  accessMatrix(
    () => wfm.url,
    [
      ...perCaller(
        'createSpecialDay in center A',
        CREATE,
        () => ({ i: { centerId: id.A, title: 'A', date: '2026-12-31', kind: 'CLOSED' } }),
        writesIn('A'),
      ),
      ...perCaller(
        'createSpecialDay in center B',
        CREATE,
        () => ({ i: { centerId: id.B, title: 'B', date: '2026-12-31', kind: 'CLOSED' } }),
        writesIn('B'),
      ),
      ...perCaller('importCalendarHolidays of center A', HOLIDAYS, () => ({ c: [id.A] }), writesIn('A')),
      ...perCaller('importCalendarHolidays of center B', HOLIDAYS, () => ({ c: [id.B] }), writesIn('B')),
    ],
  );

  const IMPORT =
    'mutation($csv: String!) { importSchedules(csv: $csv, options: { dryRun: true }) { rejected problems { field message } } }';
  const day = (employeeNo: string) => ({
    csv: `employee_no,date,start,end,activity\n${employeeNo},2026-11-09,09:00,17:00,ON_QUEUE`,
  });
  const isWriter = (who: string) => callers.find((c) => c.who === who)?.writer ?? false;
  const VOLUMES =
    'mutation($csv: String!) { importVolumes(csv: $csv, options: { dryRun: true }) { rejected } }';
  const volumes = () => ({
    csv: `queue,channel,interval_start,offered,aht\n${queue},VOICE,2026-11-02T09:00:00Z,5,180`,
  });
  const FORECAST =
    'mutation($csv: String!) { importForecast(csv: $csv, options: { dryRun: true }) { rejected } }';
  const forecast = () => ({
    csv: `queue,channel,interval_start,offered,source\n${queue},VOICE,2026-11-02T09:00:00Z,5,OldTool`,
  });
  accessMatrix(
    () => wfm.url,
    [
      ...perCaller(
        'importSchedules for a1 (center A)',
        IMPORT,
        () => day(no.a1),
        (level, who) =>
          isWriter(who) && (level === 'all' || level === 'center')
            ? { scoped: (data) => expect(data.importSchedules).toMatchObject({ rejected: 0 }) }
            : { deny: true },
      ),
      // queues are bank-wide: a writer limited to some centers does not import their history
      ...perCaller('importVolumes', VOLUMES, volumes, (level, who) =>
        isWriter(who) && level === 'all' ? { allow: true } : { deny: true },
      ),
      // an external forecast is a queue's, bank-wide like its history
      ...perCaller('importForecast', FORECAST, forecast, (level, who) =>
        isWriter(who) && level === 'all'
          ? { scoped: (data) => expect(data.importForecast).toMatchObject({ rejected: 0 }) }
          : { deny: true },
      ),
      // a manager of A is a writer, but b1 is not theirs: the row is refused, not the file
      ...perCaller(
        'importSchedules for b1 (center B)',
        IMPORT,
        () => day(no.b1),
        (level, who) =>
          !isWriter(who)
            ? { deny: true }
            : {
                scoped: (data) =>
                  expect(data.importSchedules).toMatchObject(
                    level === 'all'
                      ? { rejected: 0 }
                      : {
                          rejected: 1,
                          problems: [{ field: 'employee_no', message: 'outside your access scope' }],
                        },
                  ),
              },
      ),
    ],
  );

  // a mutation added without a role check fails here until it is listed with its rule
  everyMutationRefused(
    () => wfm.url,
    () => ({
      createSpecialDay: {
        query: CREATE,
        variables: () => ({ i: { centerId: id.A, title: 'x', date: '2026-12-31', kind: 'CLOSED' } }),
      },
      importSchedules: { query: IMPORT, variables: () => day(no.a1) },
      importCalendarHolidays: { query: HOLIDAYS, variables: () => ({ c: [id.A] }) },
      importVolumes: { query: VOLUMES, variables: volumes },
      importForecast: { query: FORECAST, variables: forecast },
      syncVolumesFromTraffic: {
        query:
          'mutation($q: [ID!]!) { syncVolumesFromTraffic(queueIds: $q, from: "2026-10-01T00:00:00Z", to: "2026-10-02T00:00:00Z") }',
        variables: () => ({ q: [queue] }),
      },
    }),
    callers.filter((c) => !c.writer),
  );
});
