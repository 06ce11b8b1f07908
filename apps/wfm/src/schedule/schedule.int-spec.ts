import {
  authorizationFor,
  databaseFingerprint,
  KnownReferences,
  postGraphQL,
  postImportFile,
  reportedIngestBatches,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';

const HEADER = 'employee_no,date,start,end,activity';
/** The research's D2 fixture day (PRODUCT-RESEARCH.md D2): on queue, a break, on queue. */
const D2_DAY = [
  '1042,2026-11-02,09:00,10:30,ON_QUEUE',
  '1042,2026-11-02,10:30,10:45,BREAK',
  '1042,2026-11-02,10:45,12:00,ON_QUEUE',
];
const IMPORT = `mutation($csv: String!, $tz: String!, $o: ScheduleImportOptions) {
  importSchedules(csv: $csv, timeZone: $tz, options: $o) {
    read inserted updated unchanged rejected applied unknownColumns problems { row employeeNo field message } } }`;

interface Report {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  applied: boolean;
  unknownColumns: string[];
  problems: { row: number; employeeNo: string | null; field: string; message: string }[];
}

describe('Schedules', () => {
  let wfm: TestSubgraph;
  const references = new KnownReferences().add('agent', '1042', '1043', '2001');

  beforeAll(async () => {
    wfm = await startTestSubgraph(wfmSubgraph, { referenceSource: references.source });
  });
  afterAll(() => wfm.stop());

  const importCsv = async (lines: string[], options: Record<string, boolean> = {}, tz = 'Asia/Shanghai') =>
    (
      await postGraphQL<{ importSchedules: Report }>(wfm.url, IMPORT, {
        csv: [HEADER, ...lines].join('\n'),
        tz,
        o: options,
      })
    ).data?.importSchedules;

  it('imports an agent’s day as segments in the file’s time zone; the same file again changes nothing', async () => {
    expect(await importCsv(D2_DAY)).toMatchObject({ read: 3, inserted: 1, rejected: 0, applied: true });
    const read = await postGraphQL<{ schedules: Record<string, unknown>[] }>(
      wfm.url,
      '{ schedules(from: "2026-11-02", to: "2026-11-03") { employeeNo date timeZone scheduledSeconds onQueueSeconds version segments { start end activity onQueue } } }',
    );
    expect(read.data?.schedules).toEqual([
      {
        employeeNo: '1042',
        date: '2026-11-02',
        timeZone: 'Asia/Shanghai',
        scheduledSeconds: 3 * 3600,
        onQueueSeconds: 165 * 60,
        version: 1,
        segments: [
          {
            start: '2026-11-02T01:00:00.000Z',
            end: '2026-11-02T02:30:00.000Z',
            activity: 'ON_QUEUE',
            onQueue: true,
          },
          {
            start: '2026-11-02T02:30:00.000Z',
            end: '2026-11-02T02:45:00.000Z',
            activity: 'BREAK',
            onQueue: false,
          },
          {
            start: '2026-11-02T02:45:00.000Z',
            end: '2026-11-02T04:00:00.000Z',
            activity: 'ON_QUEUE',
            onQueue: true,
          },
        ],
      },
    ]);
    const before = await databaseFingerprint(wfm.orm);
    expect(await importCsv([...D2_DAY].reverse())).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 1,
      applied: true,
    });
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
    // a day imported with other segments is replaced whole
    expect(await importCsv(['1042,2026-11-02,09:00,12:00,TRAINING'])).toMatchObject({ updated: 1 });
    const again = await postGraphQL<{ schedules: { version: number; segments: unknown[] }[] }>(
      wfm.url,
      '{ schedules(from: "2026-11-02", to: "2026-11-03") { version segments { activity } } }',
    );
    expect(again.data?.schedules).toEqual([{ version: 2, segments: [{ activity: 'TRAINING' }] }]);
  });

  it.each([
    ['an unknown agent', '9999,2026-11-03,09:00,10:00,ON_QUEUE', 'employee_no', 'unknown agent 9999'],
    ['an unknown activity', '1043,2026-11-03,09:00,10:00,LUNCH', 'activity', 'unknown activity'],
    ['an end before its start', '1043,2026-11-03,10:00,09:00,ON_QUEUE', 'end', 'not after the start'],
    ['an end equal to its start', '1043,2026-11-03,10:00,10:00,ON_QUEUE', 'end', 'not after the start'],
    ['a time that is none', '1043,2026-11-03,9h,10:00,ON_QUEUE', 'start', 'not a time of day'],
    ['an impossible date', '1043,2026-02-30,09:00,10:00,ON_QUEUE', 'date', 'not a date'],
    ['a missing agent', ',2026-11-03,09:00,10:00,ON_QUEUE', 'employee_no', 'is required'],
  ])('refuses %s on its row and column, and writes nothing', async (_, line, field, message) => {
    const before = await databaseFingerprint(wfm.orm);
    const report = await importCsv(['2001,2026-11-03,09:00,10:00,ON_QUEUE', line]);
    expect(report).toMatchObject({ rejected: 1, applied: false, inserted: 0 });
    expect(report?.problems).toEqual([expect.objectContaining({ row: 3, field })]);
    expect(report?.problems[0].message).toContain(message);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('refuses overlapping segments of one agent’s day (the later row), and writes nothing', async () => {
    const before = await databaseFingerprint(wfm.orm);
    const report = await importCsv([
      '1043,2026-11-04,09:00,11:00,ON_QUEUE',
      '1043,2026-11-04,10:30,10:45,BREAK',
      '1043,2026-11-05,10:30,10:45,BREAK', // another day: no overlap
    ]);
    expect(report?.problems).toEqual([
      { row: 3, employeeNo: '1043', field: 'start', message: 'overlaps the segment of line 2' },
    ]);
    expect(report?.applied).toBe(false);
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
  });

  it('with skipInvalidRows writes the good days and leaves a day with a bad row as it was', async () => {
    const report = await importCsv(
      [
        '2001,2026-11-06,09:00,10:00,ON_QUEUE',
        '2001,2026-11-06,10:00,11:00,NAP',
        '2001,2026-11-07,09:00,10:00,MEAL',
      ],
      { skipInvalidRows: true },
    );
    expect(report).toMatchObject({ inserted: 1, rejected: 1, applied: true });
    const read = await postGraphQL<{ schedules: { date: string }[] }>(
      wfm.url,
      '{ schedules(from: "2026-11-06", to: "2026-11-08", employeeNos: ["2001"]) { date } }',
    );
    expect(read.data?.schedules).toEqual([{ date: '2026-11-07' }]);
  });

  it('refuses an unknown time zone and a period that is none, naming the field', async () => {
    const before = await databaseFingerprint(wfm.orm);
    const answer = await postGraphQL(wfm.url, IMPORT, { csv: `${HEADER}\n${D2_DAY[0]}`, tz: 'Mars/Olympus' });
    expect(answer.errors?.[0]?.message).toContain('timeZone');
    expect(await databaseFingerprint(wfm.orm)).toEqual(before);
    const period = await postGraphQL(wfm.url, '{ schedules(from: "2026-11-03", to: "2026-11-02") { id } }');
    expect(period.errors?.[0]?.message).toContain('to');
  });

  it('streams a file through POST /import/schedules, reporting each bad row as an NDJSON event', async () => {
    const body = [
      HEADER,
      '1043,2026-11-10,08:00,09:00,ON_QUEUE',
      '1043,2026-11-10,08:30,09:30,MEAL',
      '',
    ].join('\n');
    const { status, events } = await postImportFile(wfm.url, '/import/schedules?timeZone=UTC', body);
    expect(status).toBe(200);
    expect(events).toEqual([
      expect.objectContaining({ type: 'rejected', line: 3, field: 'start', employeeNo: '1043' }),
      expect.objectContaining({ type: 'report', read: 2, rejected: 1, applied: false }),
    ]);
    const ok = await postImportFile(
      wfm.url,
      '/import/schedules',
      [HEADER, '1043,2026-11-10,08:00,09:00,ON_QUEUE'].join('\n'),
    );
    expect(ok.events).toEqual([expect.objectContaining({ type: 'report', inserted: 1, applied: true })]);
    // both runs reported their SCHEDULES batch (issue 22): the refused file accepted nothing
    expect(reportedIngestBatches('SCHEDULES').slice(-2)).toEqual([
      expect.objectContaining({ source: 'schedules', rowsRead: 2, rowsInserted: 0, rowsRejected: 1 }),
      expect.objectContaining({ source: 'schedules', rowsRead: 1, rowsInserted: 1, rowsRejected: 0 }),
    ]);
  });

  it('lists the activity codes with the agent states adherent during each', async () => {
    const answer = await postGraphQL<{
      activityCodes: { code: string; onQueue: boolean; adherentStates: string[] }[];
    }>(
      wfm.url,
      '{ activityCodes { code onQueue adherentStates } }',
      undefined,
      await authorizationFor(wfm.url, {
        subject: 'a',
        roles: ['AGENT'],
        centers: [],
        teams: [],
        employeeNo: '1042',
      }),
    );
    expect(answer.data?.activityCodes.map((a) => a.code)).toEqual([
      'ON_QUEUE',
      'BREAK',
      'MEAL',
      'TRAINING',
      'COACHING',
      'MEETING',
      'OFFLINE_WORK',
      'TIME_OFF',
    ]);
    expect(answer.data?.activityCodes[0]).toEqual({
      code: 'ON_QUEUE',
      onQueue: true,
      adherentStates: ['AVAILABLE', 'ON_CONTACT', 'ACW'],
    });
  });
});
