import { randomUUID } from 'node:crypto';
import { WRITERS } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  accessLayout,
  accessMatrix,
  cellsPerCaller,
  everyMutationRefused,
  KnownReferences,
  startTestSubgraph,
  type AccessCell,
  type AccessLevel,
  type TestSubgraph,
} from '@switchboard/testing';
import { wfmSubgraph } from '../wfm.subgraph';
import { WfmFactory } from '../testing/wfm-factories';

const { code, no, callers } = accessLayout(WRITERS.wfm);
const id = { A: randomUUID(), B: randomUUID(), A1: randomUUID(), A2: randomUUID(), B1: randomUUID() };
const rows: Record<'A' | 'B', string> = { A: '', B: '' };
let wfm: TestSubgraph;

beforeAll(async () => {
  wfm = await startTestSubgraph(wfmSubgraph, {
    scopeSource: staticScopeSource({
      centers: {
        [code.A]: { id: id.A, teams: [code.A1, code.A2] },
        [code.B]: { id: id.B, teams: [code.B1] },
      },
      teams: {
        [code.A1]: { id: id.A1, employeeNos: [no.a1, no.lead] },
        [code.A2]: { id: id.A2, employeeNos: [no.a2] },
        [code.B1]: { id: id.B1, employeeNos: [no.b1] },
      },
    }),
    referenceSource: new KnownReferences().add('center', id.A, id.B).source,
  });
  const factory = new WfmFactory(wfm.url);
  rows.A = (await factory.specialDay({ centerId: id.A })).id;
  rows.B = (await factory.specialDay({ centerId: id.B })).id;
});
afterAll(() => wfm.stop());

/** The centers' records each level reads. */
const seen: Record<AccessLevel, ('A' | 'B')[]> = { all: ['A', 'B'], center: ['A'], team: [], self: [] };
const perCaller = cellsPerCaller(callers);
const ids = (list: unknown) => ((list ?? []) as { id: string }[]).map((r) => r.id).sort();

describe('wfm access: queries', () => {
  accessMatrix(
    () => wfm.url,
    [
      ...perCaller('specialDays', '{ specialDays { id } }', undefined, (level) => ({
        scoped: (data) => expect(ids(data.specialDays)).toEqual(seen[level].map((k) => rows[k]).sort()),
      })),
      ...perCaller(
        "center B's specialDay by id",
        'query($id: ID!) { specialDay(id: $id) { id } }',
        () => ({ id: rows.B }),
        (level) => ({
          scoped: (data) => expect(data.specialDay).toEqual(level === 'all' ? { id: rows.B } : null),
        }),
      ),
      ...perCaller(
        "center B's specialDay by reference",
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on SpecialDay { id } } }',
        () => ({ r: [{ __typename: 'SpecialDay', id: rows.B }] }),
        (level) => ({
          scoped: (data) => expect(data._entities).toEqual([level === 'all' ? { id: rows.B } : null]),
        }),
      ),
    ],
  );
});

describe('wfm access: writes', () => {
  const CREATE = 'mutation($i: CreateSpecialDayInput!) { createSpecialDay(input: $i) { id } }';
  const writesIn =
    (center: 'A' | 'B') =>
    (level: AccessLevel, who: string): AccessCell['expect'] => {
      const writer = callers.find((c) => c.who === who)?.writer ?? false;
      return writer && (level === 'all' || (level === 'center' && center === 'A'))
        ? { allow: true }
        : { deny: true };
    };
  accessMatrix(
    () => wfm.url,
    [
      ...perCaller(
        'createSpecialDay in center A',
        CREATE,
        () => ({ i: { centerId: id.A, title: 'A', date: '2026-12-31', kind: 'CLOSED' } }),
        writesIn('A'),
      ),
      ...perCaller(
        'createSpecialDay in center B',
        CREATE,
        () => ({ i: { centerId: id.B, title: 'B', date: '2026-12-31', kind: 'CLOSED' } }),
        writesIn('B'),
      ),
    ],
  );

  // a mutation added without a role check fails here until it is listed with its rule
  everyMutationRefused(
    () => wfm.url,
    () => ({
      createSpecialDay: {
        query: CREATE,
        variables: () => ({ i: { centerId: id.A, title: 'x', date: '2026-12-31', kind: 'CLOSED' } }),
      },
    }),
    callers.filter((c) => !c.writer),
  );
});
