import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { clientToken, postGraphQL } from '@switchboard/testing';
import { startProcessStack, type ProcessStack } from './process-stack';

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', 'bin', 'switchboard.js');
const HEADER =
  'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code';

interface Commitment {
  id: string;
  status: string;
  ownerEmployeeNo: string;
  fulfilledAt: string | null;
  fulfilmentEvidence: string | null;
}

/**
 * Issue 18, "a matching contact imported through the CLI fulfils a commitment": every subgraph and
 * the gateway as processes of their own (care with its pg-boss jobs, as `npm start` runs it). An
 * agent promises a call-back on a customer's inbound call; `switchboard import contacts` brings the
 * agent's later outbound call to the same customer; care's matching job (every minute) reads it from
 * traffic through the gateway and the commitment reads FULFILLED, the imported call as its evidence.
 * A second promise, to another customer, is left open by the same import.
 */
describe('a contact imported through the CLI fulfils a commitment', () => {
  let stack: ProcessStack;
  let dir: string;
  let admin: Record<string, string>;
  const gateway = () => `${stack.gatewayOrigin}/graphql`;

  beforeAll(async () => {
    stack = await startProcessStack({ seed: ['staff'], env: {} });
    dir = mkdtempSync(join(tmpdir(), 'switchboard-care-fulfilment-'));
    admin = { authorization: `Bearer ${await clientToken()}` };
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the promise with the imported call as evidence, and only that promise', async () => {
    const teams = await postGraphQL<{
      teams: { id: string; center: { id: string }; agents: { employeeNo: string; role: string }[] }[];
    }>(gateway(), '{ teams { id center { id } agents { employeeNo role } } }', {}, admin);
    const team = teams.data?.teams.find((t) => t.agents.some((a) => a.role === 'AGENT'));
    expect(team).toBeDefined();
    const agentNo = team?.agents.find((a) => a.role === 'AGENT')?.employeeNo as string;
    const centerId = team?.center.id as string;
    const run1 = randomUUID().slice(0, 8);
    const customer = `139${Date.now() % 100_000_000}`;
    const other = `137${Date.now() % 100_000_000}`;

    // the customers' inbound calls the agent answered, ten minutes ago
    const arrived = new Date(Date.now() - 600_000);
    const inbound = (externalId: string, customerKey: string) => ({
      source: 'care-fulfil',
      externalId,
      channel: 'VOICE',
      direction: 'INBOUND',
      queue: 'CARE-FULFIL',
      agent: agentNo,
      customerKey,
      arrivedAt: arrived.toISOString(),
      answeredAt: new Date(arrived.getTime() + 10_000).toISOString(),
      endedAt: new Date(arrived.getTime() + 190_000).toISOString(),
      outcome: 'ANSWERED',
    });
    const ingested = await postGraphQL(
      gateway(),
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      { c: [inbound(`in-${run1}`, customer), inbound(`in2-${run1}`, other)] },
      admin,
    );
    expect(ingested.data).toEqual({ ingestContacts: { inserted: 2 } });

    // the agent promises each customer a call back within two hours
    const asAgent = {
      authorization: `Bearer ${await clientToken({
        subject: agentNo,
        roles: ['AGENT'],
        centers: [],
        teams: [],
        employeeNo: agentNo,
      })}`,
    };
    const promise = async (externalId: string, customerKey: string) => {
      const made = await postGraphQL<{ makeCommitment: Commitment }>(
        gateway(),
        `mutation($i: MakeCommitmentInput!) { makeCommitment(input: $i) {
           id status ownerEmployeeNo fulfilledAt fulfilmentEvidence } }`,
        {
          i: {
            clientKey: randomUUID(),
            centerId,
            contact: { source: 'care-fulfil', externalId },
            customerKey,
            kind: 'CALL_BACK',
            channel: 'VOICE',
            dueAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
          },
        },
        asAgent,
      );
      expect(made.errors).toBeUndefined();
      expect(made.data?.makeCommitment).toMatchObject({ status: 'OPEN', ownerEmployeeNo: agentNo });
      return made.data?.makeCommitment.id as string;
    };
    const kept = await promise(`in-${run1}`, customer);
    const open = await promise(`in2-${run1}`, other);
    const madeAt = Date.now();
    await new Promise((done) => setTimeout(done, 1_500));

    // the call back, from the PBX's export, through the CLI: arrived after the promise was made
    const callBack = new Date(madeAt + 500);
    const iso = (ms: number) => new Date(callBack.getTime() + ms).toISOString();
    const file = join(dir, 'callbacks.csv');
    writeFileSync(
      file,
      [
        HEADER,
        `care-fulfil,out-${run1},VOICE,OUTBOUND,CARE-FULFIL,${agentNo},${customer},${iso(0)},${iso(5_000)},${iso(125_000)},0,10,ANSWERED,false,`,
      ].join('\n'),
    );
    const imported = await run(process.execPath, [CLI, '--gateway', gateway(), 'import', 'contacts', file], {
      env: { ...process.env, SWITCHBOARD_TOKEN: await clientToken() },
    });
    expect(imported.stdout).toContain('read 1, inserted 1, duplicates 0, rejected 0');

    // care's matching job runs every minute: wait for it (at most three of its runs)
    const read = async (id: string) =>
      (
        await postGraphQL<{ commitment: Commitment | null }>(
          gateway(),
          'query($id: ID!) { commitment(id: $id) { id status ownerEmployeeNo fulfilledAt fulfilmentEvidence } }',
          { id },
          admin,
        )
      ).data?.commitment;
    const deadline = Date.now() + 200_000;
    let found = await read(kept);
    while (found?.status === 'OPEN' && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 2_000));
      found = await read(kept);
    }
    expect(found).toEqual({
      id: kept,
      status: 'FULFILLED',
      ownerEmployeeNo: agentNo,
      fulfilledAt: callBack.toISOString(),
      fulfilmentEvidence: `contact care-fulfil/out-${run1}`,
    });
    // the other customer's promise: the import held no call to them
    expect(await read(open)).toMatchObject({ status: 'OPEN', fulfilledAt: null, fulfilmentEvidence: null });
  }, 400_000);
});
