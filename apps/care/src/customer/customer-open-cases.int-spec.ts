import { randomUUID } from 'node:crypto';
import {
  authorizationFor,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  type TestSubgraph,
} from '@switchboard/testing';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import { careSubgraph } from '../care.subgraph';
import { CareFactory } from '../testing/care-factories';
import { CareWorldDouble } from '../testing/care-world-double';

const center = randomUUID();
const otherCenter = randomUUID();
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { customerKey openCases { caseNo status customerKey } } } }`;

/**
 * Customer.openCases (issue 20: the frequent-contacter list shows each customer's open cases): the
 * cases neither resolved nor closed, of keys as traffic keeps them, for a batch of customers at once.
 */
describe('Customer.openCases', () => {
  let care: TestSubgraph;
  const world = new CareWorldDouble();
  const a = [
    world.contact('13900000001', '2001', '2026-05-04T02:00:00Z', { centerId: center }),
    world.contact('13900000001', '2001', '2026-05-05T02:00:00Z', { centerId: center }),
  ];
  const b = world.contact('cust-b', '2002', '2026-05-04T03:00:00Z', { centerId: otherCenter });
  world.contact('cust-none', '2002', '2026-05-04T04:00:00Z');
  const cases: Record<string, string> = {};

  beforeAll(async () => {
    await world.serveAsGateway();
    care = await startTestSubgraph(careSubgraph, {
      referenceSource: new KnownReferences().add('center', center, otherCenter).add('agent', '2001', '2002')
        .source,
      scopeSource: staticScopeSource({
        centers: { C: { id: center, teams: [] }, O: { id: otherCenter, teams: [] } },
      }),
    });
    const factory = new CareFactory(care.url);
    cases.aOpen = (await factory.case({ centerId: center, contact: a[0] })).caseNo;
    const done = await factory.case({ centerId: center, contact: a[1] });
    const resolved = await postGraphQL(
      care.url,
      'mutation($id: ID!, $v: Int!) { changeCase(caseId: $id, expectedVersion: $v, change: { status: RESOLVED }) { status } }',
      { id: done.id, v: done.version },
    );
    expect(resolved.errors).toBeUndefined();
    cases.bOpen = (await factory.case({ centerId: otherCenter, contact: b })).caseNo;
  });
  afterAll(async () => {
    await care.stop();
    await world.release();
  });

  const ask = (keys: string[], headers: Record<string, string> = {}) =>
    postGraphQL<{
      _entities: ({ customerKey: string; openCases: { caseNo: string; status: string }[] } | null)[];
    }>(
      care.url,
      ENTITIES,
      { r: keys.map((customerKey) => ({ __typename: 'Customer', customerKey })) },
      headers,
    );

  it('gives each customer its open cases, resolved ones left out, a phone key as traffic keeps it', async () => {
    const answer = await ask(['13900000001', 'cust-b', 'cust-none']);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities.map((c) => c?.openCases.map((x) => [x.caseNo, x.status]))).toEqual([
      [[cases.aOpen, 'NEW']],
      [[cases.bOpen, 'NEW']],
      [],
    ]);
  });

  it('costs the same statements for one customer as for three', async () => {
    const one = await care.sql.count(() => ask(['cust-b']));
    const three = await care.sql.count(() => ask(['13900000001', 'cust-b', 'cust-none']));
    expect(three.result.errors).toBeUndefined();
    expect(three.statements.length).toBe(one.statements.length);
  });

  it('shows a manager only the open cases of their center', async () => {
    const manager = await authorizationFor(care.url, {
      subject: 'm',
      roles: ['CENTER_MANAGER'],
      centers: ['C'],
      teams: [],
    });
    const answer = await ask(['13900000001', 'cust-b'], manager);
    expect(answer.errors).toBeUndefined();
    // cust-b's case is the other center's: the customer is not theirs at all (null), or has no case they see
    const [first, second] = answer.data?._entities ?? [];
    expect(first?.openCases.map((c) => c.caseNo)).toEqual([cases.aOpen]);
    expect(second?.openCases ?? []).toEqual([]);
  });
});
