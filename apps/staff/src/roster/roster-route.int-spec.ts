import { randomBytes } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import { postGraphQL, postImportFile, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

const HEADER = 'employee_no,display_name,team,role,career_level,hire_date,skills';

/** Issue 17: rosters stream like contacts (a valid 9,000-row roster was refused by the 1 MB body limit). */
describe('POST /import/roster: the roster file streamed', () => {
  let staff: TestSubgraph;
  let team: string;
  let skill: string;
  const prefix = `RS-${randomBytes(3).toString('hex').toUpperCase()}`;

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    const factory = new StaffFactory(staff.url);
    team = (await factory.team((await factory.center()).id)).code;
    skill = (await factory.skill()).code;
  });
  afterAll(() => staff.stop());

  const row = (n: number | string): string =>
    `${prefix}-${n},Agent ${n},${team},AGENT,2,2025-03-03,${skill}:3`;
  const post = (body: string | Buffer, query = '') =>
    postImportFile(staff.url, `/import/roster${query}`, body);
  const countAgents = async (numbers: string[]): Promise<number> => {
    const response = await postGraphQL<{ agents: { totalCount: number } }>(
      staff.url,
      'query($n: [String!]) { agents(filter: { employeeNos: $n }) { totalCount } }',
      { n: numbers },
    );
    return response.data?.agents.totalCount ?? -1;
  };

  it('imports a 9,000-row roster (over 1 MB), then finds it unchanged', async () => {
    const rows = Array.from({ length: 9_000 }, (_, i) => `${row(`big-${i}`)},${'x'.repeat(60)}`);
    const body = `${HEADER},note\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(body)).toBeGreaterThan(1024 * 1024);
    const { status, events } = await post(body);
    expect(status).toBe(200);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'report',
        read: 9_000,
        inserted: 9_000,
        rejected: 0,
        applied: true,
        unknownColumns: ['note'],
      }),
    ]);
    const again = await post(body);
    expect(again.events).toEqual([
      expect.objectContaining({ type: 'report', read: 9_000, unchanged: 9_000 }),
    ]);
  }, 120_000);

  it("a line not UTF-8, with a NUL or an unclosed quote is its row's problem; the file writes nothing, or its good rows with skipInvalidRows", async () => {
    const numbers = ['ok-1', 'ok-2', 'ok-3'].map((n) => `${prefix}-${n}`);
    const body = Buffer.concat([
      Buffer.from(`${HEADER}\r\n${row('ok-1')}\r\n`),
      Buffer.from(`${row('latin')}\xe9\r\n`, 'latin1'),
      Buffer.from(
        `${row('nul')}\u0000\r\n\r\n${prefix}-open,"Open,${team}\r\n${row('ok-2')}\r\n${row('ok-3')}`,
      ),
    ]);
    const strict = await post(body);
    expect(strict.status).toBe(200);
    const rejected = strict.events
      .filter((e) => e.type === 'rejected')
      .map((e) => [e.line, e.field, e.reason]);
    expect(rejected).toEqual([
      [3, 'line', expect.stringMatching(/not UTF-8/)],
      [4, 'line', expect.stringMatching(/NUL/)],
      [6, 'line', 'is not valid CSV: a quoted field is not closed'],
    ]);
    expect(strict.events.at(-1)).toMatchObject({
      type: 'report',
      read: 6,
      rejected: 3,
      applied: false,
      inserted: 0,
    });
    expect(await countAgents([...numbers, `${prefix}-open`])).toBe(0);
    const lenient = await post(body, '?skipInvalidRows=true');
    expect(lenient.events.at(-1)).toMatchObject({
      type: 'report',
      read: 6,
      inserted: 3,
      rejected: 3,
      applied: true,
    });
    expect(await countAgents(numbers)).toBe(3);
  });

  it('refuses a file without the required columns (400) and a caller who may not write the roster (403)', async () => {
    expect(await post('name\nx\n')).toEqual({
      status: 400,
      events: [{ type: 'error', code: 'BAD_USER_INPUT', message: 'csv: has no "employee_no" column' }],
    });
    expect(await post(`${HEADER}\n${row('dry')}\n`, '?dryRun=maybe')).toMatchObject({ status: 400 });
    const agent: Identity = { subject: 'agent', roles: ['AGENT'], centers: [], teams: [], employeeNo: 'E1' };
    const denied = await postImportFile(staff.url, '/import/roster', `${HEADER}\n${row('denied')}\n`, agent);
    expect(denied).toMatchObject({ status: 403, events: [{ type: 'error', code: 'FORBIDDEN' }] });
    expect(await countAgents([`${prefix}-denied`, `${prefix}-dry`])).toBe(0);
  });
});
