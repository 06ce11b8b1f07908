import { randomUUID } from 'node:crypto';
import type { Identity } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import { caller, postGraphQL } from '@switchboard/testing';

/**
 * Two centers, one team each: SHA-01 / SHA-CARDS-1 (agents A1, A2) and CTU-T1 / CTU-LOANS-1
 * (agent B1); queues Q-SHA and Q-CTU of those centers and Q-NONE of none. Contacts (all inbound,
 * on one day): c1 Q-SHA by A1, c2 Q-SHA by B1, c3 Q-CTU by B1, c4 Q-CTU by A2, c5 Q-SHA abandoned,
 * c6 Q-NONE by A1.
 */
export function trafficAccessFixture(tag: string) {
  const agents = { a1: `A1-${tag}`, a2: `A2-${tag}`, b1: `B1-${tag}` };
  const ids = { sha: randomUUID(), ctu: randomUUID(), teamA: randomUUID(), teamB: randomUUID() };
  const queues = { sha: `Q-SHA-${tag}`, ctu: `Q-CTU-${tag}`, none: `Q-NONE-${tag}` };
  const source = staticScopeSource({
    centers: {
      'SHA-01': { id: ids.sha, teams: ['SHA-CARDS-1'] },
      'CTU-T1': { id: ids.ctu, teams: ['CTU-LOANS-1'] },
    },
    teams: {
      'SHA-CARDS-1': { id: ids.teamA, employeeNos: [agents.a1, agents.a2] },
      'CTU-LOANS-1': { id: ids.teamB, employeeNos: [agents.b1] },
    },
  });
  const contacts = {
    c1: { queue: queues.sha, agent: agents.a1 },
    c2: { queue: queues.sha, agent: agents.b1 },
    c3: { queue: queues.ctu, agent: agents.b1 },
    c4: { queue: queues.ctu, agent: agents.a2 },
    c5: { queue: queues.sha, agent: null },
    c6: { queue: queues.none, agent: agents.a1 },
  };
  const ALL = Object.keys(contacts);
  /** Which contacts each caller sees: the access rule, written out by hand. */
  const callers: {
    who: string;
    identity: Identity;
    contacts: string[];
    teams: string[];
    centers: string[];
  }[] = [
    ...(['ADMIN', 'HR', 'BI_READER', 'TRAINER', 'QA_EVALUATOR'] as const).map((role) => ({
      who: role,
      identity: caller(role),
      contacts: ALL,
      teams: [ids.teamA, ids.teamB],
      centers: [ids.sha, ids.ctu, 'unassigned'],
    })),
    {
      who: 'QA_EVALUATOR of CTU-T1',
      identity: caller('QA_EVALUATOR', { centers: ['CTU-T1'] }),
      contacts: ['c2', 'c3', 'c4'],
      teams: [ids.teamB],
      centers: [ids.ctu],
    },
    {
      who: 'CENTER_MANAGER of SHA-01',
      identity: caller('CENTER_MANAGER', { centers: ['SHA-01'] }),
      contacts: ['c1', 'c2', 'c4', 'c5', 'c6'],
      teams: [ids.teamA],
      centers: [ids.sha],
    },
    {
      who: 'TEAM_LEAD of SHA-CARDS-1',
      identity: caller('TEAM_LEAD', { teams: ['SHA-CARDS-1'] }),
      contacts: ['c1', 'c4', 'c6'],
      teams: [ids.teamA],
      centers: [],
    },
    {
      who: 'AGENT A1',
      identity: caller('AGENT', { employeeNo: agents.a1 }),
      contacts: ['c1', 'c6'],
      teams: [],
      centers: [],
    },
  ];
  return { tag, agents, ids, queues, source, contacts, callers };
}

export type TrafficAccessFixture = ReturnType<typeof trafficAccessFixture>;

export const DAY = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };

/** Stores the fixture's contacts and assigns its queues to their centers (as ADMIN). */
export async function seedTrafficAccess(
  url: string,
  f: TrafficAccessFixture,
): Promise<Record<string, string>> {
  const records = Object.entries(f.contacts).map(([key, c], i) => {
    const arrived = new Date(Date.parse(DAY.from) + (i + 1) * 3_600_000);
    const at = (seconds: number) => new Date(arrived.getTime() + seconds * 1000).toISOString();
    return {
      source: `access-${f.tag}`,
      externalId: key,
      channel: 'VOICE',
      queue: c.queue,
      agent: c.agent,
      customerKey: `cust-${key}`,
      arrivedAt: arrived.toISOString(),
      answeredAt: c.agent ? at(10) : null,
      endedAt: at(c.agent ? 310 : 40),
      outcome: c.agent ? 'ANSWERED' : 'ABANDONED',
    };
  });
  const ingest = await postGraphQL(
    url,
    'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
    {
      c: records,
    },
  );
  if (ingest.errors) throw new Error(JSON.stringify(ingest.errors));
  const listed = await postGraphQL<{ queues: { id: string; code: string }[] }>(url, '{ queues { id code } }');
  const queueIds = Object.fromEntries((listed.data?.queues ?? []).map((q) => [q.code, q.id]));
  for (const [code, centerId] of [
    [f.queues.sha, f.ids.sha],
    [f.queues.ctu, f.ids.ctu],
  ]) {
    const update = await postGraphQL(
      url,
      'mutation($id: ID!, $c: ID) { updateQueue(id: $id, input: { centerId: $c }) { id } }',
      {
        id: queueIds[code],
        c: centerId,
      },
    );
    if (update.errors) throw new Error(JSON.stringify(update.errors));
  }
  return queueIds;
}
