import { randomUUID } from 'node:crypto';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  caller,
  postGraphQL,
  startTestSubgraph,
  subgraphToken,
  type TestSubgraph,
} from '@switchboard/testing';
import { rebuildSurveyRollup } from '../../rollup/survey-rollup.writer';
import { SurveyInvitation } from '../../survey/survey-invitation.entity';
import { SurveyResponse } from '../../survey/survey-response.entity';
import { vocSubgraph } from '../../voc.subgraph';

interface Voice {
  csat: number | null;
  csatResponses: number;
  nps: number | null;
  npsResponses: number;
  ces: number | null;
  cesResponses: number;
  surveyResponseRate: number | null;
}

const center = randomUUID();
const NOVEMBER = { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' };
const DECEMBER = { from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };

/** Performance.voice fed as the gateway feeds it: the key and staff's agents (@requires). */
describe('Performance.voice', () => {
  let voc: TestSubgraph;

  const answered = async (
    agent: string,
    kind: 'CSAT' | 'NPS' | 'CES',
    scores: number[],
    at = '2026-11-10T09:00:00Z',
  ) => {
    const em = voc.orm.em.fork();
    for (const score of scores) {
      const invitation = em.create(SurveyInvitation, {
        invitationKey: `inv-${randomUUID()}`,
        formId: randomUUID(),
        centerId: center,
        contactSource: 'pbx',
        contactExternalId: `call-${randomUUID()}`,
        contactArrivedAt: new Date(at),
        contactEndedAt: new Date(at),
        agentEmployeeNo: agent,
        queueCode: 'CARDS',
        sentAt: new Date(at),
        status: 'FINISHED',
      });
      em.persist(invitation);
      em.persist(
        em.create(SurveyResponse, {
          invitationId: invitation.id,
          kind,
          score,
          topBox: kind === 'CSAT' ? score >= 4 : null,
          answeredAt: new Date(at),
          centerId: center,
          agentEmployeeNo: agent,
          queueCode: 'CARDS',
          contactArrivedAt: new Date(at),
        }),
      );
    }
    await em.flush();
  };

  beforeAll(async () => {
    voc = await startTestSubgraph(vocSubgraph, {
      scopeSource: staticScopeSource({
        centers: { C1: { id: center, teams: ['T1'] } },
        teams: { T1: { id: randomUUID(), employeeNos: ['V1', 'V2'] } },
      }),
    });
    await answered('V1', 'NPS', [10, 10, 9, 9, 8, 7, 6, 3, 0, 10]);
    await answered('V1', 'CSAT', [5, 5, 4, 3, 2, 5, 4, 1]);
    await answered('V2', 'CSAT', [5, 5]);
    await answered('V2', 'CES', [7, 5], '2026-12-05T09:00:00Z');
    await rebuildSurveyRollup(voc.orm.em.fork());
  });
  afterAll(() => voc.stop());

  const record = (scopeType: string, employeeNos: string[], period = NOVEMBER) => ({
    __typename: 'Performance',
    scopeType,
    scopeId: randomUUID(),
    ...period,
    agents: employeeNos.map((employeeNo) => ({ employeeNo })),
  });
  const entities = async (representations: unknown[], headers: Record<string, string> = {}) =>
    voc.sql.count(() =>
      postGraphQL<{ _entities: { voice: Voice | null }[] }>(
        voc.url,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Performance {
           voice { csat csatResponses nps npsResponses ces cesResponses surveyResponseRate } } } }`,
        { r: representations },
        headers,
      ),
    );

  it('gives an agent’s and a team’s CSAT, NPS, CES and response rate; a queue has none', async () => {
    const { result } = await entities([
      record('AGENT', ['V1']),
      record('TEAM', ['V1', 'V2']),
      record('AGENT', ['V2'], DECEMBER),
      record('QUEUE', []),
      record('AGENT', ['NOBODY']),
    ]);
    const [agent, team, december, queue, nobody] = result.data?._entities.map((e) => e.voice) ?? [];
    expect(agent).toMatchObject({
      csat: 0.625,
      csatResponses: 8,
      npsResponses: 10,
      ces: null,
      surveyResponseRate: 1,
    });
    expect(agent?.nps).toBeCloseTo(20, 10);
    expect(team).toMatchObject({ csat: 0.7, csatResponses: 10, npsResponses: 10 });
    expect(december).toMatchObject({ csat: null, csatResponses: 0, ces: 6, cesResponses: 2 });
    expect(queue).toBeNull();
    expect(nobody).toMatchObject({ csat: null, csatResponses: 0, surveyResponseRate: null });
  });

  it('costs one statement whatever the number of records and periods', async () => {
    const few = await entities([record('AGENT', ['V1']), record('AGENT', ['V2'], DECEMBER)]);
    const many = await entities([
      ...Array.from({ length: 20 }, (_, i) => record('AGENT', [i % 2 ? 'V1' : 'V2'])),
      ...Array.from({ length: 20 }, () => record('TEAM', ['V1', 'V2'], DECEMBER)),
    ]);
    expect(many.result.data?._entities).toHaveLength(40);
    expect(many.statements.length).toBe(few.statements.length);
    const one = await entities([record('AGENT', ['V1'])]);
    expect(many.statements.length).toBe(one.statements.length);
  });

  it('is null outside the caller’s scope: an agent sees their own record only', async () => {
    const headers = {
      authorization: `Bearer ${await subgraphToken('voc', caller('AGENT', { employeeNo: 'V2' }))}`,
    };
    const { result } = await entities([record('AGENT', ['V1']), record('AGENT', ['V2'])], headers);
    const [other, own] = result.data?._entities.map((e) => e.voice) ?? [];
    expect(other).toBeNull();
    expect(own).toMatchObject({ csat: 1, csatResponses: 2 });
  });
});
