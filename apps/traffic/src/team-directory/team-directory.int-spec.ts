import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { trafficSubgraph } from '../traffic.subgraph';
import { syncTeamDirectory } from './team-directory.sync';

const TEAM = randomUUID();
const CENTER = randomUUID();

/** Stands in for the gateway: staff's agents (one page), as the sync asks for them. */
describe('team directory sync: team history and each agent’s role and career level', () => {
  let traffic: TestSubgraph;
  let gateway: Server;
  let url: string;
  let agents: { employeeNo: string; role: string; careerLevel: number }[] = [];
  const queries: string[] = [];

  beforeAll(async () => {
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        queries.push((JSON.parse(body) as { query: string }).query);
        response.setHeader('content-type', 'application/json');
        const nodes = agents.map((a) => ({
          ...a,
          teamHistory: [
            { validFrom: '2026-01-01', validTo: null, team: { id: TEAM, center: { id: CENTER } } },
          ],
        }));
        response.end(
          JSON.stringify({ data: { agents: { nodes, pageInfo: { endCursor: null, hasNextPage: false } } } }),
        );
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/graphql`;
    traffic = await startTestSubgraph(trafficSubgraph);
  });
  afterAll(async () => {
    await traffic.stop();
    await new Promise((resolve) => gateway.close(resolve));
  });

  const grades = () =>
    traffic.orm.em
      .fork()
      .getConnection()
      .execute<
        { employee_no: string; role: string; career_level: number }[]
      >('select employee_no, role, career_level from agent_grade order by employee_no');

  it('copies each agent’s role and level beside its team history, in one gateway request', async () => {
    agents = [
      { employeeNo: 'S1', role: 'SENIOR_AGENT', careerLevel: 3 },
      { employeeNo: 'S2', role: 'AGENT', careerLevel: 1 },
    ];
    expect(await syncTeamDirectory(traffic.orm.em.fork(), url)).toEqual({ agents: 2, periods: 2 });
    expect(queries).toHaveLength(1);
    expect(await grades()).toEqual([
      { employee_no: 'S1', role: 'SENIOR_AGENT', career_level: 3 },
      { employee_no: 'S2', role: 'AGENT', career_level: 1 },
    ]);
  });

  it('replaces the copy: a promotion shows, an agent staff no longer lists is gone', async () => {
    agents = [{ employeeNo: 'S2', role: 'SENIOR_AGENT', careerLevel: 2 }];
    await syncTeamDirectory(traffic.orm.em.fork(), url);
    expect(await grades()).toEqual([{ employee_no: 'S2', role: 'SENIOR_AGENT', career_level: 2 }]);
  });
});
