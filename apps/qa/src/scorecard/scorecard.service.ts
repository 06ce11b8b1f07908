import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '@switchboard/db';
import { isUuid } from '../common/validation';
import { checkSections, toSectionDefinitions } from './scorecard-rules';
import { Scorecard } from './scorecard.entity';
import { scorecardErrors } from './scorecard.errors';
import type { ScorecardInput } from './scorecard.input';
import { ScorecardStatus } from '../model/enums';

/**
 * Scorecard versions: a code has versions 1, 2, …; at most one DRAFT (editable) and one PUBLISHED
 * (the one evaluations use). Publishing a draft retires the version published before; evaluations
 * keep the version they were made on, so a new version never changes a score already given.
 */
export class ScorecardService {
  constructor(private readonly em: EntityManager) {}

  list(filter: { code?: string | null; status?: ScorecardStatus | null }): Promise<Scorecard[]> {
    return this.em.find(
      Scorecard,
      { ...(filter.code ? { code: filter.code } : {}), ...(filter.status ? { status: filter.status } : {}) },
      { orderBy: { code: 'asc', version: 'asc' } },
    );
  }

  /**
   * Versions by id, read as rows (issue 23: the agent page's two evaluation lists each load their
   * scorecards; nothing is written through them, and MikroORM's find cost more than the statement).
   */
  async findByIds(ids: readonly string[]): Promise<Scorecard[]> {
    const rows = await this.em.execute<
      {
        id: string;
        code: string;
        version: number;
        name: string;
        description: string | null;
        status: ScorecardStatus;
        sections: Scorecard['sections'];
        created_at: Date;
        published_at: Date | null;
        retired_at: Date | null;
      }[]
    >(
      `select id, code, version, name, description, status::text as status, sections, created_at,
         published_at, retired_at
       from scorecard where id = any(?::uuid[])`,
      [pgArray(ids.filter(isUuid))],
    );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      version: row.version,
      name: row.name,
      description: row.description,
      status: row.status,
      sections: row.sections,
      createdAt: new Date(row.created_at),
      publishedAt: row.published_at === null ? null : new Date(row.published_at),
      retiredAt: row.retired_at === null ? null : new Date(row.retired_at),
    }));
  }

  async get(id: string): Promise<Scorecard> {
    const scorecard = isUuid(id) ? await this.em.findOne(Scorecard, { id }) : null;
    if (!scorecard) throw scorecardErrors.notFound(id);
    return scorecard;
  }

  /** A new DRAFT version of the code (version 1 for a new code). */
  async createVersion(input: ScorecardInput): Promise<Scorecard> {
    const problems = checkSections(input);
    if (problems.length) throw scorecardErrors.invalid(problems);
    return this.em.transactional(async (tx) => {
      // Serialises versioning of one code: concurrent creates cannot pick the same version number.
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`scorecard:${input.code}`]);
      const versions = await tx.find(Scorecard, { code: input.code }, { orderBy: { version: 'desc' } });
      const draft = versions.find((v) => v.status === ScorecardStatus.DRAFT);
      if (draft) throw scorecardErrors.draftExists(draft);
      const scorecard = tx.create(Scorecard, {
        code: input.code,
        version: (versions[0]?.version ?? 0) + 1,
        name: input.name.trim(),
        description: input.description ?? null,
        sections: toSectionDefinitions(input),
      });
      tx.persist(scorecard);
      return scorecard;
    });
  }

  async updateDraft(id: string, input: ScorecardInput): Promise<Scorecard> {
    const scorecard = await this.get(id);
    if (scorecard.status !== ScorecardStatus.DRAFT) throw scorecardErrors.notDraft(scorecard);
    if (input.code !== scorecard.code) throw scorecardErrors.codeChanged();
    const problems = checkSections(input);
    if (problems.length) throw scorecardErrors.invalid(problems);
    scorecard.name = input.name.trim();
    scorecard.description = input.description ?? null;
    scorecard.sections = toSectionDefinitions(input);
    await this.em.flush();
    return scorecard;
  }

  /** DRAFT -> PUBLISHED; the version published before is RETIRED, in the same transaction. */
  async publish(id: string): Promise<Scorecard> {
    return this.em.transactional(async (tx) => {
      const scorecard = isUuid(id) ? await tx.findOne(Scorecard, { id }) : null;
      if (!scorecard) throw scorecardErrors.notFound(id);
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`scorecard:${scorecard.code}`]);
      await tx.refresh(scorecard);
      if (scorecard.status !== ScorecardStatus.DRAFT) throw scorecardErrors.notDraft(scorecard);
      const now = new Date();
      const previous = await tx.find(Scorecard, { code: scorecard.code, status: ScorecardStatus.PUBLISHED });
      for (const old of previous) {
        old.status = ScorecardStatus.RETIRED;
        old.retiredAt = now;
      }
      await tx.flush();
      scorecard.status = ScorecardStatus.PUBLISHED;
      scorecard.publishedAt = now;
      return scorecard;
    });
  }
}
