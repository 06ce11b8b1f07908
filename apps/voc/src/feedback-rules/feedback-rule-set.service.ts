import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, conflict, notFound } from '@switchboard/server';
import {
  categorize,
  NO_CATEGORY,
  type FeedbackCategoryRule,
  type FeedbackRuleSet as Rules,
} from '../feedback/feedback-rules';
import { FEEDBACK_RULES_V1 } from '../feedback/feedback-rules.v1';
import { FeedbackRuleSet } from './feedback-rule-set.entity';
import { ruleSetProblems, type ProposedCategory } from './rule-set-check';

/** A version as the API shows it: the shipped version 1 or a stored one. */
export interface RuleSetVersion {
  version: number;
  categories: FeedbackCategoryRule[];
  note: string | null;
  createdBy: string | null;
  createdAt: Date | null;
  publishedAt: Date | null;
  /** Whether feedback is filed by it now (the newest published). */
  active: boolean;
}

/** Feedback re-filed in the publishing request when at most this many wait; past it, voc's job does it. */
export const RECATEGORIZE_INLINE_MAX = 5_000;
/** Feedback re-filed per statement pair (a batch of the job, or of the publishing request). */
export const RECATEGORIZE_BATCH = 1_000;

const V1_VERSION: RuleSetVersion = {
  version: FEEDBACK_RULES_V1.version,
  categories: FEEDBACK_RULES_V1.categories.map((c) => ({ ...c, patterns: [...(c.patterns ?? [])] })),
  note: 'shipped',
  createdBy: null,
  createdAt: null,
  publishedAt: null,
  active: false,
};

const toRules = (row: { version: number; categories: FeedbackCategoryRule[] }): Rules => ({
  version: row.version,
  categories: row.categories,
});

/** The rules feedback is filed by now: the newest published version, or the shipped version 1. One statement. */
export async function activeRules(em: EntityManager): Promise<Rules> {
  const row = await em.findOne(
    FeedbackRuleSet,
    { publishedAt: { $ne: null } },
    { orderBy: { version: 'desc' }, fields: ['version', 'categories'] },
  );
  return row ? toRules(row) : FEEDBACK_RULES_V1;
}

/**
 * Re-files up to `limit` feedback still filed by an older version than the active rules, in
 * `em`'s transaction (two statements); returns how many. Rows another run holds are skipped.
 */
export async function recategorizeBatch(em: EntityManager, rules: Rules, limit = RECATEGORIZE_BATCH) {
  const rows = await em.execute<{ id: string; text: string }[]>(
    `select id, text from voc_feedback where rules_version < ? order by id limit ? for update skip locked`,
    [rules.version, limit],
  );
  if (!rows.length) return 0;
  const filed = rows.map((r) => {
    const categories = categorize(r.text, rules);
    return { id: r.id, category: categories[0] ?? NO_CATEGORY, categories };
  });
  await em.execute(
    `update voc_feedback f set category = u.category, categories = u.categories, rules_version = ?
       from jsonb_to_recordset(?::jsonb) as u(id uuid, category text, categories jsonb)
      where f.id = u.id and f.rules_version < ?`,
    [rules.version, JSON.stringify(filed), rules.version],
  );
  return rows.length;
}

/**
 * Re-files the feedback the active rules have not filed yet, up to `maxBatches` batches, each in its
 * own transaction (voc's job; see feedback-recategorize.jobs.ts).
 */
export async function recategorizePending(
  em: EntityManager,
  maxBatches = 100,
): Promise<{ recategorized: number; batches: number }> {
  let recategorized = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const done = await em.fork().transactional(async (tx) => recategorizeBatch(tx, await activeRules(tx)));
    if (done === 0) break;
    batches += 1;
    recategorized += done;
    if (done < RECATEGORIZE_BATCH) break;
  }
  return { recategorized, batches };
}

export class FeedbackRuleSetService {
  constructor(private readonly em: EntityManager) {}

  /** Every version, newest first, the shipped version 1 last. One statement. */
  async versions(): Promise<RuleSetVersion[]> {
    const rows = await this.em.find(FeedbackRuleSet, {}, { orderBy: { version: 'desc' } });
    const active = rows.find((r) => r.publishedAt)?.version ?? FEEDBACK_RULES_V1.version;
    return [
      ...rows.map((r) => ({
        version: r.version,
        categories: r.categories,
        note: r.note,
        createdBy: r.createdBy,
        createdAt: r.createdAt,
        publishedAt: r.publishedAt,
        active: r.version === active,
      })),
      { ...V1_VERSION, active: active === FEEDBACK_RULES_V1.version },
    ];
  }

  /** One version's rules (NOT_FOUND naming `field` when there is none). */
  async rulesOf(version: number, field = 'version'): Promise<Rules> {
    if (version === FEEDBACK_RULES_V1.version) return FEEDBACK_RULES_V1;
    const row =
      Number.isInteger(version) && version > 1 ? await this.em.findOne(FeedbackRuleSet, { version }) : null;
    if (!row) throw notFound('FeedbackRuleSet', field, String(version));
    return toRules(row);
  }

  /**
   * A new draft version with these categories (nothing is re-filed until it is published). Codes
   * of earlier versions keep their names unless new ones are given; a new code needs both names.
   */
  async create(
    categories: readonly ProposedCategory[],
    note: string | null,
    by: string,
  ): Promise<RuleSetVersion> {
    return this.em.transactional(async (tx) => {
      // one writer of versions at a time: the next number is taken under the lock
      await tx.execute(`select pg_advisory_xact_lock(hashtext('voc_feedback_rule_set'))`);
      const rows = await tx.find(FeedbackRuleSet, {}, { orderBy: { version: 'asc' } });
      const known = new Map<string, { nameEn: string; nameZh: string }>();
      for (const set of [FEEDBACK_RULES_V1, ...rows])
        for (const c of set.categories) known.set(c.code, { nameEn: c.nameEn, nameZh: c.nameZh });
      const problems = ruleSetProblems(categories, known);
      if (note != null && (note.length > 500 || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(note)))
        problems.push({ field: 'note', message: 'must be at most 500 characters, no control characters' });
      if (problems.length) throw badUserInput(problems);
      const version = Math.max(FEEDBACK_RULES_V1.version, ...rows.map((r) => r.version)) + 1;
      const row = tx.create(FeedbackRuleSet, {
        version,
        note,
        createdBy: by,
        categories: categories.map((c) => ({
          code: c.code,
          nameEn: c.nameEn?.trim() || known.get(c.code)!.nameEn,
          nameZh: c.nameZh?.trim() || known.get(c.code)!.nameZh,
          keywords: c.keywords.map((k) => k.trim()),
          patterns: [...(c.patterns ?? [])],
        })),
      });
      tx.persist(row);
      await tx.flush();
      return {
        version,
        categories: row.categories,
        note: row.note,
        createdBy: by,
        createdAt: row.createdAt,
        publishedAt: null,
        active: false,
      };
    });
  }

  /**
   * Publishes a draft: feedback is filed by it from now on, and what was filed by older versions is
   * re-filed, here when at most `inlineMax` wait, else by voc's job (`pending` says how many wait).
   * A version older than the one published, or published already, is a CONFLICT.
   */
  async publish(
    version: number,
    by: string,
    inlineMax = RECATEGORIZE_INLINE_MAX,
  ): Promise<{ ruleSet: RuleSetVersion; recategorized: number; pending: number }> {
    return this.em.transactional(async (tx) => {
      await tx.execute(`select pg_advisory_xact_lock(hashtext('voc_feedback_rule_set'))`);
      if (version === FEEDBACK_RULES_V1.version)
        throw conflict('version 1 is the shipped rule set, published already', 'version');
      const row = await tx.findOne(FeedbackRuleSet, { version });
      if (!row) throw notFound('FeedbackRuleSet', 'version', String(version));
      if (row.publishedAt) throw conflict(`version ${version} is published already`, 'version');
      const newest = await tx.findOne(
        FeedbackRuleSet,
        { publishedAt: { $ne: null } },
        { orderBy: { version: 'desc' } },
      );
      if (newest && newest.version > version)
        throw conflict(`version ${newest.version} is published: publish a newer version instead`, 'version');
      row.publishedAt = new Date();
      row.publishedBy = by;
      await tx.flush();
      const [{ n }] = await tx.execute<{ n: number }[]>(
        'select count(*)::int as n from voc_feedback where rules_version < ?',
        [version],
      );
      let recategorized = 0;
      if (n <= inlineMax) {
        const rules = toRules(row);
        for (let done = -1; done !== 0; ) recategorized += done = await recategorizeBatch(tx, rules);
      }
      return {
        ruleSet: {
          version,
          categories: row.categories,
          note: row.note,
          createdBy: row.createdBy,
          createdAt: row.createdAt,
          publishedAt: row.publishedAt,
          active: true,
        },
        recategorized,
        pending: n - recategorized,
      };
    });
  }
}
