import { postGraphQL } from '@switchboard/testing';
import { FaultProxy } from './fault-proxy';
import { startTestStack, type TestStack } from './stack';

const DAY_MS = 86_400_000;

interface Kpi {
  code: string;
  value: number | null;
  status: string | null;
}
interface Traffic {
  offered: number;
  answered: number;
  serviceLevel: number | null;
  ahtSeconds: number | null;
}
interface TeamRecord {
  traffic: Traffic | null;
  qa: { qaScore: number | null } | null;
  training: { certificationCoverage: number | null } | null;
  kpis: Kpi[];
}
interface Drilldown {
  performance: TeamRecord & {
    children: (TeamRecord & { scopeId: string })[];
    ranking: { agentId: string; score: number | null }[];
  };
}
interface AgentPage {
  agent: {
    trafficSummary: { offered: number } | null;
    qaSummary: { score: number | null } | null;
    training: { complianceStatus: string } | null;
    performanceTrend: { kpis: Kpi[] }[];
  } | null;
  evaluations: { nodes: { id: string }[] } | null;
}

const RECORD = `traffic { offered answered serviceLevel ahtSeconds } qa { qaScore }
  training { certificationCoverage } kpis { code value status }`;
/** The dashboard's team drill-down, in short: the team's KPIs, its agents side by side, the ranking. */
const DRILL_DOWN = `query($team: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  performance(scope: { type: TEAM, id: $team }, from: $from, to: $to) {
    ${RECORD}
    children { scopeId ${RECORD} }
    ranking { agentId score }
  }
}`;
/** The dashboard's agent page, in short: staff, traffic, qa, training and kpi fields, qa's root evaluations. */
const AGENT_PAGE = `query($employeeNo: String!, $from: DateTimeISO!, $to: DateTimeISO!, $fromDay: String!, $toDay: String!) {
  agent(employeeNo: $employeeNo) {
    trafficSummary(from: $from, to: $to) { offered }
    qaSummary(from: $from, to: $to) { score }
    training { complianceStatus }
    performanceTrend(input: { granularity: MONTH, fromDay: $fromDay, toDay: $toDay, timeZone: "UTC" }) {
      kpis(codes: ["SERVICE_LEVEL", "QA_SCORE"]) { code value status }
    }
  }
  evaluations(first: 5, filter: { agentEmployeeNos: [$employeeNo] }) { nodes { id } }
}`;
/** The center overview, in short: staff's center, kpi's record, traffic's intervals and queues. */
const OVERVIEW = `query($center: ID!, $from: DateTimeISO!, $to: DateTimeISO!) {
  center(id: $center) { code }
  performance(scope: { type: CENTER, id: $center }, from: $from, to: $to) {
    traffic { offered } qa { qaScore } kpis { code value status }
  }
  trafficStats(filter: { from: $from, to: $to }, granularity: DAY) { intervalStart offered answered }
  queues { code }
}`;
interface Overview {
  center: { code: string } | null;
  performance: {
    traffic: { offered: number } | null;
    qa: { qaScore: number | null } | null;
    kpis: Kpi[];
  } | null;
  trafficStats: { intervalStart: string; offered: number; answered: number }[] | null;
  queues: { code: string }[] | null;
}
/** The KPIs traffic's part of a record feeds. */
const TRAFFIC_KPIS = [
  'SERVICE_LEVEL',
  'ASA',
  'AHT',
  'ABANDON_RATE',
  'FCR',
  'TRANSFER_RATE',
  'OCCUPANCY',
  'CONVERSION_RATE',
  'OFFER_RATE',
  'RETENTION_SAVE_RATE',
  'DISPOSITION_COMPLIANCE',
  // its denominator is traffic's answered contacts of the record
  'COMPLAINTS_PER_10K',
  'SALES_PER_HOUR',
  'REVENUE_PER_CONTACT',
  'COST_PER_CONTACT',
  'CENTER_CONTRIBUTION',
];
/** The subgraphs the tests take down, each behind a fault proxy. */
const DOWNABLE = ['qa', 'training', 'traffic', 'kpi'];

/** The KPIs each subgraph's part of a record feeds (the catalog's sources). */
const KPIS_OF = {
  qa: ['QA_SCORE', 'CRITICAL_FAIL_RATE'],
  training: ['TRAINING_COMPLETION', 'FIRST_ATTEMPT_PASS_RATE', 'CERTIFICATION_COVERAGE'],
} as const;

/**
 * With the qa (or training) subgraph down, the gateway still answers the drill-down and the agent
 * page with everything that does not come from it: traffic, the other source, and the KPIs computed
 * without it (kpi reads `qa: null` as QA unknown), with an error naming it; whole again once it is back.
 */
describe('a subgraph down: the center overview, the drill-down and the agent page keep what still works', () => {
  let stack: TestStack;
  const proxies: Partial<Record<string, FaultProxy>> = {};
  let team: { id: string; members: { employeeNo: string; role: string }[] };
  let agents: { employeeNo: string }[] = [];
  let centerId = '';
  const period = { from: '', to: '', fromDay: '', toDay: '' };

  beforeAll(async () => {
    stack = await startTestStack({
      seed: ['staff', 'qa', 'kpi'],
      subgraphTimeoutMs: 30_000,
      routeSubgraph: (name, url) =>
        DOWNABLE.includes(name)
          ? (proxies[name] = new FaultProxy(new URL(url))).start()
          : Promise.resolve(url),
    });
    const teams = await postGraphQL<{
      teams: { id: string; code: string; members: { employeeNo: string; role: string }[] }[];
    }>(stack.gatewayUrl, '{ teams { id code members { employeeNo role } } }');
    team = teams.data?.teams.find((t) => t.code === 'SHA-CARDS-1') as typeof team;
    const centers = await postGraphQL<{ centers: { id: string; code: string }[] }>(
      stack.gatewayUrl,
      '{ centers { id code } }',
    );
    centerId = centers.data?.centers.find((c) => c.code === 'SHA-01')?.id as string;
    expect(team.members.length).toBeGreaterThan(3);
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    Object.assign(period, {
      from: new Date(today - 30 * DAY_MS).toISOString(),
      to: new Date(today + DAY_MS).toISOString(),
      fromDay: new Date(today - 30 * DAY_MS).toISOString().slice(0, 10),
      toDay: new Date(today + DAY_MS).toISOString().slice(0, 10),
    });
    // Three of its agents of the AGENT role (those a ranking ranks), the first one evaluated in the
    // demo quarter (the agent page's subject).
    const frontline = team.members.filter((m) => m.role === 'AGENT');
    const evaluated = await postGraphQL<{ evaluations: { nodes: { agent: { employeeNo: string } }[] } }>(
      stack.gatewayUrl,
      'query($e: [String!]) { evaluations(first: 1, filter: { agentEmployeeNos: $e }) { nodes { agent { employeeNo } } } }',
      { e: frontline.map((m) => m.employeeNo) },
    );
    const first = evaluated.data?.evaluations.nodes[0].agent.employeeNo as string;
    agents = [first, ...frontline.map((m) => m.employeeNo).filter((e) => e !== first)]
      .slice(0, 3)
      .map((employeeNo) => ({ employeeNo }));
    // An hour ago, each of the three agents answered three calls, one after 40 s.
    const arrived = Date.now() - 3_600_000;
    const contacts = agents.flatMap(({ employeeNo }, i) =>
      [10, 15, 40].map((waited, n) => {
        const at = arrived + (i * 3 + n) * 60_000;
        return {
          source: 'qa-down',
          externalId: `${employeeNo}-${n}`,
          channel: 'VOICE',
          queue: 'QA-DOWN-Q',
          agent: employeeNo,
          arrivedAt: new Date(at).toISOString(),
          answeredAt: new Date(at + waited * 1_000).toISOString(),
          endedAt: new Date(at + 300_000).toISOString(),
          outcome: 'ANSWERED',
        };
      }),
    );
    const ingested = await postGraphQL(
      stack.gatewayUrl,
      'mutation($c: [ContactInput!]!) { ingestContacts(contacts: $c) { inserted } }',
      { c: contacts },
    );
    expect(ingested.errors).toBeUndefined();
  }, 300_000);
  afterAll(async () => {
    await stack.stop();
    await Promise.all(Object.values(proxies).map((p) => p?.stop()));
  });

  const drillDown = () => postGraphQL<Drilldown>(stack.gatewayUrl, DRILL_DOWN, { team: team.id, ...period });
  const agentPage = (employeeNo: string) =>
    postGraphQL<AgentPage>(stack.gatewayUrl, AGENT_PAGE, { employeeNo, ...period });
  const kpi = (kpis: Kpi[], code: string) => kpis.find((k) => k.code === code);
  const withDown = async <T>(source: string, ask: () => Promise<T>): Promise<T> => {
    const proxy = proxies[source] as FaultProxy;
    const port = proxy.port;
    await proxy.stop();
    try {
      return await ask();
    } finally {
      await proxy.start(port);
    }
  };
  const expectOnlyErrorsNaming = (
    source: string,
    errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined,
  ) => {
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) {
      expect(error.message).toMatch(new RegExp(`^Subgraph "${source}" is unreachable`));
      expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: source });
    }
  };

  it.each(['qa', 'training'] as const)(
    'with %s down, the team drill-down keeps its traffic, its other KPIs and the ranking, and names it',
    async (source) => {
      const whole = await drillDown();
      expect(whole.errors).toBeUndefined();
      const up = whole.data?.performance as Drilldown['performance'];
      expect(up.traffic).toMatchObject({ offered: 9, answered: 9 });
      expect(up.qa?.qaScore).toEqual(expect.any(Number)); // the demo quarter of evaluations
      expect(kpi(up.kpis, 'QA_SCORE')?.value).toBe(up.qa?.qaScore);
      expect(up.training).not.toBeNull();
      expect(kpi(up.kpis, 'CERTIFICATION_COVERAGE')?.value).toBe(up.training?.certificationCoverage);

      const partial = await withDown(source, drillDown);
      expectOnlyErrorsNaming(source, partial.errors);
      const down = partial.data?.performance as Drilldown['performance'];
      expect(down).toBeTruthy();
      expect(down.traffic).toEqual(up.traffic);
      expect(down[source]).toBeNull();
      const other = source === 'qa' ? 'training' : 'qa';
      expect(down[other]).toEqual(up[other]);
      // every KPI but the down source's is what it was; its KPIs have no value
      expect(down.kpis.map((k) => k.code)).toEqual(up.kpis.map((k) => k.code));
      const lost: readonly string[] = KPIS_OF[source];
      for (const value of up.kpis) {
        const expected = lost.includes(value.code) ? { code: value.code, value: null, status: null } : value;
        expect(kpi(down.kpis, value.code)).toEqual(expected);
      }
      expect(kpi(down.kpis, 'SERVICE_LEVEL')?.value).toBe(up.traffic?.serviceLevel);
      expect(down.children.map((c) => c.traffic)).toEqual(up.children.map((c) => c.traffic));
      expect(down.children.every((c) => c[source] === null)).toBe(true);
      expect(down.children.filter((c) => (c.traffic?.offered ?? 0) > 0)).toHaveLength(3);
      // the ranking is still there, over the KPIs that have values
      expect(down.ranking.map((r) => r.agentId).sort()).toEqual(up.ranking.map((r) => r.agentId).sort());
      expect(down.ranking.filter((r) => r.score !== null).length).toBeGreaterThanOrEqual(3);

      expect((await drillDown()).errors).toBeUndefined(); // whole again, no restart
    },
  );

  it('with traffic down, the center overview keeps the center and its QA and training KPIs, and names it', async () => {
    const overview = () => postGraphQL<Overview>(stack.gatewayUrl, OVERVIEW, { center: centerId, ...period });
    const whole = await overview();
    expect(whole.errors).toBeUndefined();
    const up = whole.data as Overview;
    expect(up.trafficStats?.reduce((sum, r) => sum + r.offered, 0)).toBeGreaterThanOrEqual(9);
    expect(up.queues?.map((q) => q.code)).toContain('QA-DOWN-Q');
    expect(up.performance?.qa?.qaScore).toEqual(expect.any(Number));

    const partial = await withDown('traffic', overview);
    expectOnlyErrorsNaming('traffic', partial.errors);
    const down = partial.data as Overview;
    expect(down.center).toEqual(up.center);
    expect([down.trafficStats, down.queues]).toEqual([null, null]);
    expect(down.performance?.traffic).toBeNull();
    expect(down.performance?.qa).toEqual(up.performance?.qa);
    for (const value of up.performance?.kpis ?? []) {
      const expected = TRAFFIC_KPIS.includes(value.code)
        ? { code: value.code, value: null, status: null }
        : value;
      expect(kpi(down.performance?.kpis ?? [], value.code)).toEqual(expected);
    }
    expect((await overview()).errors).toBeUndefined();
  });

  it('with kpi down, the center overview keeps the center, the intervals and the queues, and names it', async () => {
    const overview = () => postGraphQL<Overview>(stack.gatewayUrl, OVERVIEW, { center: centerId, ...period });
    const whole = await overview();
    expect(whole.errors).toBeUndefined();
    const partial = await withDown('kpi', overview);
    expectOnlyErrorsNaming('kpi', partial.errors);
    expect(partial.data).toEqual({ ...whole.data, performance: null });
  });

  it('with qa down, the agent page keeps the agent, their traffic, training and trend, evaluations null', async () => {
    const employeeNo = agents[0].employeeNo;
    const whole = await agentPage(employeeNo);
    expect(whole.errors).toBeUndefined();
    expect(whole.data?.evaluations?.nodes.length).toBeGreaterThan(0);

    const partial = await withDown('qa', () => agentPage(employeeNo));
    expectOnlyErrorsNaming('qa', partial.errors);
    expect(partial.data?.evaluations).toBeNull();
    const agent = partial.data?.agent;
    expect(agent?.trafficSummary).toEqual({ offered: 3 });
    expect(agent?.qaSummary).toBeNull();
    expect(agent?.training).toEqual(whole.data?.agent?.training);
    expect(agent?.performanceTrend.length).toBeGreaterThan(0);
    const upTrend = whole.data?.agent?.performanceTrend ?? [];
    agent?.performanceTrend.forEach((bucket, i) => {
      expect(kpi(bucket.kpis, 'SERVICE_LEVEL')).toEqual(kpi(upTrend[i].kpis, 'SERVICE_LEVEL'));
      expect(kpi(bucket.kpis, 'QA_SCORE')?.value).toBeNull();
    });
  });

  it('with training down, the agent page keeps everything but its training part', async () => {
    const employeeNo = agents[0].employeeNo;
    const whole = await agentPage(employeeNo);
    expect(whole.errors).toBeUndefined();
    expect(whole.data?.agent?.training).not.toBeNull();

    const partial = await withDown('training', () => agentPage(employeeNo));
    expectOnlyErrorsNaming('training', partial.errors);
    expect(partial.data).toEqual({
      ...whole.data,
      agent: { ...whole.data?.agent, training: null },
    });
  });
});
