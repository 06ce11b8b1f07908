import type { FieldProblem } from '@switchboard/server';
import { NO_CATEGORY, words, type FeedbackCategoryRule } from '../feedback/feedback-rules';

/** What a new rule set's categories may hold. */
export const RULE_SET_LIMITS = {
  categories: 60,
  keywordsPerCategory: 300,
  patternsPerCategory: 50,
  keywordLength: 60,
  patternLength: 200,
  nameLength: 100,
} as const;

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Texts no category's pattern may match all of: a pattern hitting every one of them (or the empty
 * text, which every text contains) would file every feedback under its category.
 */
const UNRELATED_TEXTS = ['x', 'Q', '7', '好', '。', ' ', 'zq'];

/** A pattern that matches every text: the empty text (every text contains it), or each unrelated one. */
export function matchesEverything(pattern: RegExp): boolean {
  return pattern.test('') || UNRELATED_TEXTS.every((text) => pattern.test(text));
}

/** One category of a proposed rule set, as the API receives it (names optional for known codes). */
export interface ProposedCategory {
  code: string;
  nameEn?: string | null;
  nameZh?: string | null;
  keywords: readonly string[];
  patterns?: readonly string[] | null;
}

/**
 * Every problem of a proposed rule set, each naming its field (`categories[2].keywords[0]`); empty
 * when it may be stored. `known` are the categories of the rule sets so far (by code, with their
 * names): a code none of them has is a new category and must come with both names; anything else
 * is an unknown category (a typo would otherwise start a category of its own).
 */
export function ruleSetProblems(
  categories: readonly ProposedCategory[],
  known: ReadonlyMap<string, Pick<FeedbackCategoryRule, 'nameEn' | 'nameZh'>>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (categories.length === 0)
    problems.push({ field: 'categories', message: 'must list at least one category' });
  if (categories.length > RULE_SET_LIMITS.categories)
    problems.push({
      field: 'categories',
      message: `must list at most ${RULE_SET_LIMITS.categories} categories`,
    });
  const seen = new Set<string>();
  categories.forEach((category, i) => {
    const at = `categories[${i}]`;
    if (!CODE.test(category.code) || category.code === NO_CATEGORY)
      problems.push({
        field: `${at}.code`,
        message: `must be 2 to 40 upper-case letters, digits or _ (not ${NO_CATEGORY})`,
      });
    else if (seen.has(category.code))
      problems.push({ field: `${at}.code`, message: `${category.code} is listed twice` });
    else if (!known.has(category.code) && !(category.nameEn?.trim() && category.nameZh?.trim()))
      problems.push({
        field: `${at}.code`,
        message: `unknown category ${category.code}: a new category needs nameEn and nameZh`,
      });
    seen.add(category.code);
    for (const name of ['nameEn', 'nameZh'] as const) {
      const value = category[name];
      if (value == null) continue;
      if (!value.trim() || value.length > RULE_SET_LIMITS.nameLength || CONTROL.test(value))
        problems.push({
          field: `${at}.${name}`,
          message: `must be 1 to ${RULE_SET_LIMITS.nameLength} characters, no control characters`,
        });
    }
    const patterns = category.patterns ?? [];
    if (category.keywords.length === 0 && patterns.length === 0)
      problems.push({ field: `${at}.keywords`, message: 'a category needs at least one keyword or pattern' });
    if (category.keywords.length > RULE_SET_LIMITS.keywordsPerCategory)
      problems.push({
        field: `${at}.keywords`,
        message: `must be at most ${RULE_SET_LIMITS.keywordsPerCategory} keywords`,
      });
    if (patterns.length > RULE_SET_LIMITS.patternsPerCategory)
      problems.push({
        field: `${at}.patterns`,
        message: `must be at most ${RULE_SET_LIMITS.patternsPerCategory} patterns`,
      });
    const keywords = new Set<string>();
    category.keywords.forEach((keyword, j) => {
      const field = `${at}.keywords[${j}]`;
      if (keyword.length > RULE_SET_LIMITS.keywordLength || CONTROL.test(keyword))
        problems.push({
          field,
          message: `must be at most ${RULE_SET_LIMITS.keywordLength} characters, no control characters`,
        });
      // the segmenter's words of the keyword: none (empty, blank, punctuation only) matches nothing
      else if (words(keyword).length === 0)
        problems.push({ field, message: 'must hold a word (empty, blank or punctuation only)' });
      else if (keywords.has(words(keyword).join(' ')))
        problems.push({ field, message: `${keyword} is listed twice` });
      else keywords.add(words(keyword).join(' '));
    });
    patterns.forEach((source, j) => {
      const field = `${at}.patterns[${j}]`;
      if (!source.trim() || source.length > RULE_SET_LIMITS.patternLength || CONTROL.test(source)) {
        problems.push({
          field,
          message: `must be 1 to ${RULE_SET_LIMITS.patternLength} characters, no control characters`,
        });
        return;
      }
      let pattern: RegExp;
      try {
        pattern = new RegExp(source, 'iu');
      } catch (error) {
        problems.push({ field, message: `invalid regular expression: ${(error as Error).message}` });
        return;
      }
      if (matchesEverything(pattern))
        problems.push({
          field,
          message: 'matches every text: it would file all feedback under this category',
        });
    });
  });
  return problems;
}
