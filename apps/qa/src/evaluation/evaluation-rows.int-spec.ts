import { wrap } from '@mikro-orm/core';
import { startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { EvaluationStatus } from '../model/enums';
import { Scorecard } from '../scorecard/scorecard.entity';
import { ScorecardService } from '../scorecard/scorecard.service';
import { qaSubgraph } from '../qa.subgraph';
import { Evaluation } from './evaluation.entity';
import type { EvaluationFilter } from './evaluation.input';
import { toEvaluationType } from './evaluation.mapper';
import { listEvaluations } from './evaluation-rows';

/**
 * Issue 23: the evaluation lists (two per agent page) are read as rows, not hydrated entities. The
 * same evaluations in the same order as MikroORM's find of the same filter, mapped alike, pages
 * and cursors included, and nothing in the request's identity map.
 */
describe('evaluation lists, read as rows', () => {
  let qa: TestSubgraph;
  let all: Evaluation[];

  beforeAll(async () => {
    qa = await startTestSubgraph(qaSubgraph, { seedDemo: true });
    all = await qa.orm.em
      .fork()
      .find(Evaluation, {}, { orderBy: { createdAt: 'desc', id: 'desc' }, populate: ['calibrationSession'] });
  }, 120_000);
  afterAll(() => qa.stop());

  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  const expected = (keep: (e: Evaluation) => boolean) =>
    all.filter(keep).map((e) => plain(toEvaluationType(wrap(e).toReference().unwrap())));

  it('answers what the entities answer, filter by filter, and hydrates nothing', async () => {
    expect(all.length).toBeGreaterThan(20);
    const agent = all[0].agentEmployeeNo;
    const submitted = all.filter((e) => e.submittedAt).map((e) => e.submittedAt as Date);
    const middle = [...submitted].sort((a, b) => a.getTime() - b.getTime())[Math.floor(submitted.length / 2)];
    const cases: [EvaluationFilter, (e: Evaluation) => boolean][] = [
      [{}, () => true],
      [{ agentEmployeeNos: [agent] }, (e) => e.agentEmployeeNo === agent],
      [
        { agentEmployeeNos: [agent], statuses: [EvaluationStatus.SUBMITTED], calibration: false },
        (e) =>
          e.agentEmployeeNo === agent && e.status === EvaluationStatus.SUBMITTED && !e.calibrationSession,
      ],
      [{ submittedFrom: middle }, (e) => !!e.submittedAt && e.submittedAt >= middle],
      [
        { submittedTo: middle, calibration: true },
        (e) => !!e.submittedAt && e.submittedAt < middle && !!e.calibrationSession,
      ],
      [
        { evaluatorEmployeeNos: [all[0].evaluatorEmployeeNo] },
        (e) => e.evaluatorEmployeeNo === all[0].evaluatorEmployeeNo,
      ],
    ];
    for (const [filter, keep] of cases) {
      const em = qa.orm.em.fork();
      const page = await listEvaluations(em, filter, 500, null, null);
      expect(page.nodes.map((e) => plain(toEvaluationType(e)))).toEqual(expected(keep).slice(0, 500));
      expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    }
    const scoped = await listEvaluations(qa.orm.em.fork(), {}, 500, null, [agent]);
    expect(scoped.nodes.map((e) => e.id)).toEqual(
      all
        .filter((e) => e.agentEmployeeNo === agent)
        .map((e) => e.id)
        .slice(0, 500),
    );
  });

  it('pages by (createdAt, id), newest first', async () => {
    const em = qa.orm.em.fork();
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof listEvaluations>> = await listEvaluations(em, {}, 7, after, null);
      ids.push(...page.nodes.map((e) => e.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toEqual(all.map((e) => e.id));
  });

  it("loads the lists' scorecards as rows: the entities' fields, nothing hydrated", async () => {
    const entities = await qa.orm.em.fork().find(Scorecard, {}, { orderBy: { code: 'asc', version: 'asc' } });
    expect(entities.length).toBeGreaterThan(0);
    const em = qa.orm.em.fork();
    const rows = await new ScorecardService(em).findByIds([...entities.map((s) => s.id), 'not-an-id']);
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
    const byId = new Map(rows.map((row) => [row.id, plain({ ...row })]));
    expect(entities.map((s) => byId.get(s.id))).toEqual(entities.map((s) => plain(wrap(s).toObject())));
  });
});
