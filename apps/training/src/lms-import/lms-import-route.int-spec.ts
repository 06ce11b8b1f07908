import type { Identity } from '@switchboard/auth';
import {
  postImportFile,
  reportedIngestBatches,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { addDays, todayUtc } from '../common/dates';
import { RosterDouble } from '../testing/roster-double';
import { TrainingFactory } from '../testing/training-factories';
import { trainingSubgraph } from '../training.subgraph';

const TEAM = '3f1d3c1e-0b1a-4c55-9a43-6a1d1f0e0b02';
const HEADER = 'attempt_id,employee_no,exam,score,taken_on';

/** Issue 17: LMS results stream like contacts, every line accounted for, all or nothing. */
describe('POST /import/lms: an LMS export streamed', () => {
  let training: TestSubgraph;
  let roster: RosterDouble;
  let exam: string;
  const day = addDays(todayUtc(), -1);

  beforeAll(async () => {
    roster = new RosterDouble();
    roster.add({ employeeNo: 'L1', teamId: TEAM, role: 'AGENT' });
    process.env.SWITCHBOARD_GATEWAY_URL = await roster.start();
    training = await startTestSubgraph(trainingSubgraph);
    const factory = new TrainingFactory(training.url);
    exam = (await factory.exam((await factory.course()).id, { maxAttempts: 20 })).code;
  });
  afterAll(async () => {
    delete process.env.SWITCHBOARD_GATEWAY_URL;
    await training.stop();
    await roster.stop();
  });

  const post = (body: string | Buffer, query = '') =>
    postImportFile(training.url, `/import/lms${query}`, body);
  const row = (id: string) => `${id},L1,${exam},90,${day}`;
  const attempts = async (): Promise<number> => {
    const [found] = await training.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>("select count(*)::int as n from exam_attempt where external_id like 'lms-%'");
    return found.n;
  };

  it('a line not UTF-8, with a NUL, or not CSV is rejected by line; the file writes nothing, or its good rows with skipInvalidRows', async () => {
    const body = Buffer.concat([
      Buffer.from(`${HEADER},grader\n${row('lms-1')},x\n`),
      Buffer.from(`${row('lms-bad')}\xff\n`, 'latin1'),
      Buffer.from(`lms-2,"L1,${exam}\n\n${row('lms-nul')}\u0000\n${row('lms-3')},y,extra`),
    ]);
    const before = await attempts();
    const strict = await post(body, '?source=LMS-ROUTE');
    expect(strict.status).toBe(200);
    expect(strict.events.filter((e) => e.type === 'rejected').map((e) => [e.line, e.field])).toEqual([
      [3, 'line'],
      [4, 'line'],
      [6, 'line'],
      [7, 'line'],
    ]);
    expect(strict.events.at(-1)).toMatchObject({
      type: 'report',
      read: 5,
      inserted: 0,
      rejected: 4,
      applied: false,
      unknownColumns: ['grader'],
    });
    expect(await attempts()).toBe(before);
    const lenient = await post(body, '?source=LMS-ROUTE&skipInvalidRows=true');
    expect(lenient.events.at(-1)).toMatchObject({
      type: 'report',
      read: 5,
      inserted: 1,
      rejected: 4,
      applied: true,
    });
    expect(await attempts()).toBe(before + 1);
    // each run reported its LMS batch for the data timeliness (issue 22): nothing accepted, then one row
    expect(reportedIngestBatches('LMS').slice(-2)).toEqual([
      expect.objectContaining({ source: 'LMS-ROUTE', rowsRead: 5, rowsInserted: 0, rowsRejected: 4 }),
      expect.objectContaining({ source: 'LMS-ROUTE', rowsRead: 5, rowsInserted: 1, rowsRejected: 4 }),
    ]);
  });

  it('refuses a bad source (400) and a caller who may not write training (403), reading nothing', async () => {
    expect(await post(`${HEADER}\n${row('lms-src')}\n`, '?source=with%20space')).toMatchObject({
      status: 400,
      events: [{ type: 'error', code: 'BAD_USER_INPUT', message: expect.stringMatching(/^source/) }],
    });
    const agent: Identity = { subject: 'agent', roles: ['AGENT'], centers: [], teams: [], employeeNo: 'L1' };
    expect(
      await postImportFile(training.url, '/import/lms', `${HEADER}\n${row('lms-x')}\n`, agent),
    ).toMatchObject({
      status: 403,
      events: [{ type: 'error', code: 'FORBIDDEN' }],
    });
  });
});
