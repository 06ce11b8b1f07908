import { randomUUID } from 'node:crypto';
import { WRITERS, type Role } from '@switchboard/auth';
import { staticScopeSource } from '@switchboard/subgraph-kit';
import {
  accessLayout,
  accessMatrix,
  callerCell,
  cellsPerCaller,
  KnownReferences,
  postGraphQL,
  startTestSubgraph,
  writesInCenter,
  type TestSubgraph,
} from '@switchboard/testing';
import { configureCare } from '../care-services';
import { careSubgraph } from '../care.subgraph';
import { CareFactory, type OpenedCase } from '../testing/care-factories';
import { CareWorldDouble } from '../testing/care-world-double';
import { EXTEND, REGISTER, registration } from '../testing/complaint-calls';

/*
 * Complaints by role: CASE_HANDLER (their centers; bank-wide: all), CENTER_MANAGER (their center)
 * and ADMIN read them; nobody else (team leads and agents included). The verbatim is for
 * CASE_HANDLER and ADMIN (a manager reads it masked: null). Care's writers register them in the
 * centers they see; a manager of the complaint's center (or ADMIN) extends the clock.
 */
const { code, no, callers, tag } = accessLayout(WRITERS.care);
const id = { A: randomUUID(), B: randomUUID(), A1: randomUUID(), A2: randomUUID(), B1: randomUUID() };
const world = new CareWorldDouble();
const rows = {} as Record<'A' | 'B', OpenedCase>;
const VERBATIM = `Secret words ${tag}`;
let care: TestSubgraph;
let factory: CareFactory;
let restore: () => void;

const freshCase = (center: 'A' | 'B') =>
  factory.case({
    centerId: id[center],
    contact: world.contact(
      `cust-${center}-${randomUUID()}`,
      center === 'A' ? no.a1 : no.b1,
      '2026-10-01T00:30:00Z',
      {
        centerId: id[center],
      },
    ),
    ownerTeamId: center === 'A' ? id.A1 : id.B1,
  });

beforeAll(async () => {
  await world.serveAsGateway();
  restore = configureCare({ clock: () => new Date('2026-10-05T00:00:00Z') });
  care = await startTestSubgraph(careSubgraph, {
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
    referenceSource: new KnownReferences()
      .add('center', id.A, id.B)
      .add('team', id.A1, id.A2, id.B1)
      .add('agent', no.a1, no.a2, no.b1, no.lead, '2001', '2002').source,
  });
  factory = new CareFactory(care.url);
  for (const center of ['A', 'B'] as const) {
    rows[center] = await freshCase(center);
    const made = await postGraphQL(
      care.url,
      REGISTER,
      registration(rows[center].id, rows[center].version, { verbatim: VERBATIM }),
    );
    if (made.errors) throw new Error(JSON.stringify(made.errors));
  }
});
afterAll(async () => {
  await care.stop();
  restore();
  await world.release();
});

const roleOf = (who: string): Role | undefined => callers.find((c) => c.who === who)?.identity.roles[0];
/** The centers' complaints each caller reads. */
function seenBy(who: string): ('A' | 'B')[] {
  const role = roleOf(who);
  if (role === 'ADMIN' || who === 'CASE_HANDLER') return ['A', 'B'];
  if (role === 'CASE_HANDLER' || role === 'CENTER_MANAGER') return ['A'];
  return [];
}
const readsVerbatim = (who: string) => roleOf(who) === 'ADMIN' || roleOf(who) === 'CASE_HANDLER';
const perCaller = cellsPerCaller(callers);
const caseIds = (list: unknown) => ((list ?? []) as { id: string }[]).map((r) => r.id).sort();

describe('complaint access: reads', () => {
  accessMatrix(
    () => care.url,
    [
      ...perCaller('complaints', '{ complaints { id verbatim } }', undefined, (_level, who) => ({
        scoped: (data) => {
          expect(caseIds(data.complaints)).toEqual(
            seenBy(who)
              .map((k) => rows[k].id)
              .sort(),
          );
          const verbatims = (data.complaints as { verbatim: string | null }[]).map((c) => c.verbatim);
          expect(verbatims.every((v) => v === (readsVerbatim(who) ? VERBATIM : null))).toBe(true);
        },
      })),
      ...perCaller(
        "center B's complaint by case id",
        'query($id: ID!) { complaint(caseId: $id) { id } }',
        () => ({ id: rows.B.id }),
        (_level, who) => ({
          scoped: (data) =>
            expect(data.complaint).toEqual(seenBy(who).includes('B') ? { id: rows.B.id } : null),
        }),
      ),
      ...perCaller(
        "center B's complaint by reference",
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id } } }',
        () => ({ r: [{ __typename: 'Complaint', id: rows.B.id }] }),
        (_level, who) => ({
          scoped: (data) =>
            expect(data._entities).toEqual([seenBy(who).includes('B') ? { id: rows.B.id } : null]),
        }),
      ),
      ...perCaller(
        'complaintStats',
        '{ complaintStats(from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z") { received } }',
        undefined,
        (_level, who) =>
          seenBy(who).length
            ? { scoped: (data) => expect(data.complaintStats).toEqual([{ received: seenBy(who).length }]) }
            : { deny: true },
      ),
    ],
  );
});

describe('complaint access: writes', () => {
  const writesIn = writesInCenter(callers);
  // registration needs a fresh case per call: the variables make one through the factory first
  const fresh: Record<string, OpenedCase> = {};
  /** a registered complaint in center A per caller, for the extension cells */
  const registered: Record<string, OpenedCase> = {};
  beforeAll(async () => {
    for (const c of callers)
      for (const center of ['A', 'B'] as const) fresh[`${c.who}/${center}`] = await freshCase(center);
    for (const c of callers) {
      const made = await freshCase('A');
      const answer = await postGraphQL(care.url, REGISTER, registration(made.id, made.version));
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      registered[c.who] = { ...made, version: made.version + 1 };
    }
  });
  accessMatrix(
    () => care.url,
    (['A', 'B'] as const).flatMap((center) =>
      callers.map((c) =>
        callerCell(
          c,
          `registerComplaint in center ${center}`,
          REGISTER,
          () => registration(fresh[`${c.who}/${center}`].id, fresh[`${c.who}/${center}`].version),
          writesIn(center)(c.level, c.who),
        ),
      ),
    ),
  );
  // an extension: a CENTER_MANAGER of the complaint's center or ADMIN, nobody else (a writer neither)
  accessMatrix(
    () => care.url,
    callers.map((c) =>
      callerCell(
        c,
        "extendComplaintDeadline of center A's complaint",
        EXTEND,
        () => ({
          i: {
            caseId: registered[c.who].id,
            expectedVersion: registered[c.who].version,
            basis: 'EXTENDED_60',
            reason: 'x',
          },
        }),
        roleOf(c.who) === 'ADMIN' || roleOf(c.who) === 'CENTER_MANAGER' ? { allow: true } : { deny: true },
      ),
    ),
  );
});
