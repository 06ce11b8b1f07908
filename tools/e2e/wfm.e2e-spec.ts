import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizationFor, clientToken, postGraphQL } from '@switchboard/testing';
import { importSchedules } from '../src/cli/import-schedules';
import { startTestStack, type TestStack } from './stack';

const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * Schedules and adherence through the real gateway: `switchboard import schedules` streams a file to
 * wfm (agents checked against staff through the gateway), traffic records the agent's states from a
 * queue_log, and wfm's adherence reads them through the gateway: the research's D2 day gives 0.833
 * adherence and 1.000 conformance.
 */
describe('wfm through the gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('imports schedules with the CLI, reports unknown agents and overlaps, and reads adherence from traffic’s states', async () => {
    const agents = await postGraphQL<{ teams: { agents: { employeeNo: string }[] }[] }>(
      stack.gatewayUrl,
      '{ teams { agents { employeeNo } } }',
    );
    const employeeNo = agents.data?.teams.flatMap((t) => t.agents)[0]?.employeeNo;
    if (!employeeNo) throw new Error('the staff demo has no agent');

    // the D2 day's states: logged in (available) 09:05, not ready 10:50-11:00, logged out 12:00
    const queueLog = [
      `${at('2026-11-02T09:05:00Z')}|NONE|E2E-WFM|PJSIP/${employeeNo}|ADDMEMBER|`,
      `${at('2026-11-02T10:50:00Z')}|NONE|E2E-WFM|PJSIP/${employeeNo}|PAUSE|Coffee`,
      `${at('2026-11-02T11:00:00Z')}|NONE|E2E-WFM|PJSIP/${employeeNo}|UNPAUSE|`,
      `${at('2026-11-02T12:00:00Z')}|NONE|E2E-WFM|PJSIP/${employeeNo}|REMOVEMEMBER|`,
    ].join('\n');
    const states = await fetch(
      new URL('/import/contacts?format=queue_log&source=e2e-wfm', stack.gatewayUrl),
      {
        method: 'POST',
        headers: await authorizationFor(stack.gatewayUrl),
        body: queueLog,
      },
    );
    expect(states.status).toBe(200);

    const dir = mkdtempSync(join(tmpdir(), 'wfm-e2e-'));
    const file = join(dir, 'schedules.csv');
    writeFileSync(
      file,
      [
        'employee_no,date,start,end,activity',
        `${employeeNo},2026-11-02,09:00,10:30,ON_QUEUE`,
        `${employeeNo},2026-11-02,10:30,10:45,BREAK`,
        `${employeeNo},2026-11-02,10:45,12:00,ON_QUEUE`,
        'NO-SUCH-AGENT,2026-11-02,09:00,10:00,ON_QUEUE',
        `${employeeNo},2026-11-03,09:00,10:00,ON_QUEUE`,
        `${employeeNo},2026-11-03,09:30,10:30,MEETING`,
      ].join('\n'),
    );
    const connection = { gatewayUrl: stack.gatewayUrl, token: await clientToken() };
    const lines: string[] = [];
    // bad rows: nothing written, each reason in the file next to the input
    expect(
      await importSchedules(connection, file, { skipInvalidRows: false, dryRun: false }, (l) =>
        lines.push(l),
      ),
    ).toBe(1);
    const reasons = readFileSync(join(dir, 'schedules.rejected.csv'), 'utf8').trim().split('\n');
    expect(reasons).toEqual([
      'row,employee_no,field,reason',
      '5,NO-SUCH-AGENT,employee_no,unknown agent NO-SUCH-AGENT',
      `7,${employeeNo},start,overlaps the segment of line 6`,
    ]);
    // the good days, skipping the bad rows' days
    expect(
      await importSchedules(connection, file, { skipInvalidRows: true, dryRun: false }, (l) => lines.push(l)),
    ).toBe(1);
    expect(lines.some((l) => l.includes('agent-days inserted 1,'))).toBe(true);

    const answer = await postGraphQL<{
      adherence: {
        employeeNo: string;
        adherence: number;
        conformance: number;
        days: { exceptions: { impact: string }[] }[];
      }[];
    }>(
      stack.gatewayUrl,
      'query($n: [String!]) { adherence(from: "2026-11-02", to: "2026-11-04", employeeNos: $n) { employeeNo adherence conformance days { exceptions { impact } } } }',
      { n: [employeeNo] },
    );
    expect(answer.errors).toBeUndefined();
    const [agent] = answer.data?.adherence ?? [];
    expect(agent.employeeNo).toBe(employeeNo);
    expect(agent.adherence.toFixed(3)).toBe('0.833');
    expect(agent.conformance.toFixed(3)).toBe('1.000');
    expect(agent.days[0].exceptions.map((e) => e.impact)).toEqual(['NEGATIVE', 'POSITIVE', 'NEGATIVE']);
  });
});
