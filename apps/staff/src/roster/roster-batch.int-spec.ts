import { randomBytes } from 'node:crypto';
import {
  IngestBatchGatewayDouble,
  postGraphQL,
  postImportFile,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

const HEADER = 'employee_no,display_name,team,role,career_level,hire_date,skills';

/** Issue 22: a roster import tells traffic's data timeliness about its batch, through the gateway, as service:staff. */
describe('roster imports report their batch (ROSTER) through the gateway', () => {
  let staff: TestSubgraph;
  const gateway = new IngestBatchGatewayDouble();
  let team: string;
  const prefix = `RB-${randomBytes(3).toString('hex').toUpperCase()}`;
  const row = (n: string): string => `${prefix}-${n},Agent ${n},${team},AGENT,2,2025-03-03,`;

  beforeAll(async () => {
    await gateway.serveAsGateway('staff-service-token');
    staff = await startTestSubgraph(staffSubgraph);
    const factory = new StaffFactory(staff.url);
    team = (await factory.team((await factory.center()).id)).code;
  });
  afterAll(async () => {
    await staff.stop();
    await gateway.release();
  });

  it('the route: rows read, accepted and rejected (skipInvalidRows), with the service token', async () => {
    const body = `${HEADER}\n${row('1')}\n${row('2')}\n${prefix}-3,Agent 3,NO-SUCH-TEAM,AGENT,2,2025-03-03,\n`;
    const answer = await postImportFile(staff.url, '/import/roster?skipInvalidRows=true', body);
    expect(answer.events.at(-1)).toMatchObject({ type: 'report', read: 3, inserted: 2, rejected: 1 });
    expect(gateway.received).toEqual([
      {
        authorization: 'Bearer staff-service-token',
        input: expect.objectContaining({
          kind: 'ROSTER',
          source: 'roster',
          centerId: null,
          batchKey: expect.stringMatching(/^staff:/),
          rowsRead: 3,
          rowsInserted: 2,
          rowsRejected: 1,
        }),
      },
    ]);
  });

  it('the mutation; a dry run reports nothing; a file refused whole reports nothing accepted', async () => {
    gateway.received.length = 0;
    const run = (csv: string, options: Record<string, boolean>) =>
      postGraphQL(
        staff.url,
        'mutation($csv: String!, $o: RosterImportOptions) { importRoster(csv: $csv, options: $o) { read applied } }',
        { csv, o: options },
      );
    await run(`${HEADER}\n${row('dry')}\n`, { dryRun: true });
    expect(gateway.received).toEqual([]);
    await run(`${HEADER}\n${row('4')}\n${prefix}-5,Agent 5,NO-SUCH-TEAM,AGENT,2,2025-03-03,\n`, {});
    expect(gateway.received.map((r) => r.input)).toEqual([
      expect.objectContaining({ kind: 'ROSTER', rowsRead: 2, rowsInserted: 0, rowsRejected: 1 }),
    ]);
  });

  it('traffic unreachable: the import still stores its rows and answers 200', async () => {
    gateway.failing = true;
    try {
      const answer = await postImportFile(staff.url, '/import/roster', `${HEADER}\n${row('6')}\n`);
      expect(answer.status).toBe(200);
      expect(answer.events.at(-1)).toMatchObject({ type: 'report', inserted: 1 });
      const agents = await postGraphQL<{ agents: { totalCount: number } }>(
        staff.url,
        'query($n: [String!]) { agents(filter: { employeeNos: $n }) { totalCount } }',
        { n: [`${prefix}-6`] },
      );
      expect(agents.data?.agents.totalCount).toBe(1);
    } finally {
      gateway.failing = false;
    }
  });
});
