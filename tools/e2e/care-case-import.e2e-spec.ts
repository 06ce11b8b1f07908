import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { clientToken, postGraphQL } from '@switchboard/testing';
import { startProcessStack, type ProcessStack } from './process-stack';

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', 'bin', 'switchboard.js');
const HEADER =
  'crm_source,crm_case_id,contacts,type,category_code,title,owner_agent_no,department,center_id,status,opened_at,commitment_kind,commitment_due,commitment_channel';

interface TimelineCase {
  id: string;
  title: string;
  status: string;
  version: number;
  ownerAgentNo: string | null;
}
interface Timeline {
  customer: {
    timeline: {
      items: { kind: string; contact: { externalId: string } | null; case: TimelineCase | null }[];
    };
  } | null;
}

/** The CLI's exit code and output (an import with rejected rows exits 1). */
async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const done = await run(process.execPath, [CLI, ...args], {
      env: { ...process.env, SWITCHBOARD_TOKEN: await clientToken() },
    });
    return { code: 0, stdout: done.stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}

/**
 * Issue 18: `switchboard import cases` through the real gateway and care, traffic and staff as
 * processes of their own: the case's contacts checked in traffic, its agent and center in staff;
 * the case lands whole (linked contacts on the customer's timeline, its commitment), a bad row is
 * reported by line and column, a rerun adds nothing; then a lead-level reassignment through the
 * gateway asks staff for the new owner's team (the real agentsByEmployeeNo).
 */
describe('switchboard import cases through the gateway', () => {
  let stack: ProcessStack;
  let dir: string;
  let admin: Record<string, string>;
  const gateway = () => `${stack.gatewayOrigin}/graphql`;

  beforeAll(async () => {
    stack = await startProcessStack({ seed: ['staff'], env: {} });
    dir = mkdtempSync(join(tmpdir(), 'switchboard-case-import-'));
    admin = { authorization: `Bearer ${await clientToken()}` };
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a case with its contacts and commitment once, reports the bad row, and the case is reassigned within its team', async () => {
    const teams = await postGraphQL<{
      teams: { id: string; center: { id: string }; agents: { employeeNo: string; role: string }[] }[];
    }>(gateway(), '{ teams { id center { id } agents { employeeNo role } } }', {}, admin);
    const team = teams.data?.teams.find((t) => t.agents.filter((a) => a.role === 'AGENT').length >= 2);
    expect(team).toBeDefined();
    const [owner, colleague] = (team?.agents ?? [])
      .filter((a) => a.role === 'AGENT')
      .map((a) => a.employeeNo);
    const centerId = team?.center.id as string;
    const tag = randomUUID().slice(0, 8);
    const customer = `136${Date.now() % 100_000_000}`;

    // two calls of the customer, yesterday, answered by the owner
    const arrived = new Date(Date.now() - 86_400_000);
    const call = (externalId: string, offsetMs: number) => {
      const at = new Date(arrived.getTime() + offsetMs);
      return {
        source: 'crm-e2e',
        externalId,
        channel: 'VOICE',
        direction: 'INBOUND',
        queue: 'CARE-IMPORT',
        agent: owner,
        customerKey: customer,
        arrivedAt: at.toISOString(),
        answeredAt: new Date(at.getTime() + 10_000).toISOString(),
        endedAt: new Date(at.getTime() + 200_000).toISOString(),
        outcome: 'ANSWERED',
      };
    };
    const ingested = await postGraphQL(
      gateway(),
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      { c: [call(`c1-${tag}`, 0), call(`c2-${tag}`, 3_600_000)] },
      admin,
    );
    expect(ingested.data).toEqual({ ingestContacts: { inserted: 2 } });

    const openedAt = new Date(arrived.getTime() + 3_700_000).toISOString();
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const file = join(dir, 'cases.csv');
    writeFileSync(
      file,
      [
        HEADER,
        `crm-e2e,${tag}-1,crm-e2e:c1-${tag}|crm-e2e:c2-${tag},COMPLAINT,CARD,Card never arrived,${owner},Cards,${centerId},OPEN,${openedAt},CALL_BACK,${due},VOICE`,
        `crm-e2e,${tag}-2,crm-e2e:missing-${tag},INQUIRY,CARD,Unknown call,${owner},Cards,${centerId},NEW,${openedAt},,,`,
      ].join('\n'),
    );
    const first = await cli(['--gateway', gateway(), 'import', 'cases', file]);
    expect(first.stdout).toContain(
      'read 2, cases inserted 1 (with a commitment: 1), already imported 0, rejected 1',
    );
    expect(first.code).toBe(1);
    const reasons = readFileSync(join(dir, 'cases.rejected.csv'), 'utf8');
    expect(reasons).toMatch(/3.*contacts/);

    const again = await cli(['--gateway', gateway(), 'import', 'cases', file]);
    expect(again.stdout).toContain(
      'read 2, cases inserted 0 (with a commitment: 0), already imported 1, rejected 1',
    );

    // the customer's timeline through the gateway: both calls linked to the one imported case
    const read = () =>
      postGraphQL<Timeline>(
        gateway(),
        `query($k: String!) { customer(key: $k) { timeline { items { kind contact { externalId }
           case { id title status version ownerAgentNo } } } } }`,
        { k: customer },
        admin,
      );
    const timeline = (await read()).data?.customer?.timeline.items ?? [];
    const contacts = timeline.filter((i) => i.kind === 'CONTACT');
    expect(contacts.map((c) => c.contact?.externalId)).toEqual([`c2-${tag}`, `c1-${tag}`]);
    expect(new Set(contacts.map((c) => c.case?.id)).size).toBe(1);
    const kase = contacts[0].case as TimelineCase;
    expect(kase).toMatchObject({ title: 'Card never arrived', status: 'OPEN', ownerAgentNo: owner });
    const commitments = await postGraphQL<{ commitments: { ownerEmployeeNo: string; kind: string }[] }>(
      gateway(),
      'query($k: String!) { commitments(customerKey: $k) { ownerEmployeeNo kind } }',
      { k: customer },
      admin,
    );
    expect(commitments.data?.commitments).toEqual([{ ownerEmployeeNo: owner, kind: 'CALL_BACK' }]);

    // the case given to a colleague of the team: care asks staff (through this gateway) for their team
    const moved = await postGraphQL<{ reassignCase: { ownerAgentNo: string; ownerTeamId: string } }>(
      gateway(),
      'mutation($id: ID!, $v: Int!, $to: String!) { reassignCase(caseId: $id, expectedVersion: $v, ownerAgentNo: $to) { ownerAgentNo ownerTeamId } }',
      { id: kase.id, v: kase.version, to: colleague },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.reassignCase).toEqual({ ownerAgentNo: colleague, ownerTeamId: team?.id });
  }, 400_000);
});
