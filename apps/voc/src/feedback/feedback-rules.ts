/**
 * Feedback categorization by versioned rules (issue 19 part 3): keywords (Chinese and English) and
 * regular-expression patterns per category. Text and keywords are cut into words by the same
 * segmenter (`Intl.Segmenter`, ICU's dictionary for Chinese), and a keyword matches a run of whole
 * words: 卡费 matches "年费和卡费" but 费 alone does not match inside 免费, nor "fee" inside "feedback".
 */
export interface FeedbackCategoryRule {
  code: string;
  nameEn: string;
  nameZh: string;
  keywords: readonly string[];
  /** Regular expressions (case-insensitive), for what words alone miss. */
  patterns?: readonly string[];
}

export interface FeedbackRuleSet {
  version: number;
  categories: readonly FeedbackCategoryRule[];
}

export const NO_CATEGORY = 'UNCATEGORIZED';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The text's words, lower-cased (Chinese by ICU's dictionary, others by spaces and punctuation). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase()))
    if (s.isWordLike) out.push(s.segment);
  return out;
}

interface CompiledRule {
  code: string;
  keywords: string[][];
  patterns: RegExp[];
}

const compiled = new WeakMap<FeedbackRuleSet, CompiledRule[]>();

function compile(rules: FeedbackRuleSet): CompiledRule[] {
  let found = compiled.get(rules);
  if (!found) {
    found = rules.categories.map((c) => ({
      code: c.code,
      keywords: c.keywords.map(words).filter((k) => k.length > 0),
      patterns: (c.patterns ?? []).map((p) => new RegExp(p, 'iu')),
    }));
    compiled.set(rules, found);
  }
  return found;
}

const containsRun = (text: readonly string[], run: readonly string[]): boolean => {
  for (let i = 0; i + run.length <= text.length; i++) {
    let j = 0;
    while (j < run.length && text[i + j] === run[j]) j++;
    if (j === run.length) return true;
  }
  return false;
};

/** Every category whose keywords or patterns the text hits, by number of hits (most first), then rule order. */
export function categorize(text: string, rules: FeedbackRuleSet): string[] {
  const tokens = words(text);
  const hits = compile(rules)
    .map((rule, order) => ({
      code: rule.code,
      order,
      count:
        rule.keywords.filter((k) => containsRun(tokens, k)).length +
        rule.patterns.filter((p) => p.test(text)).length,
    }))
    .filter((h) => h.count > 0)
    .sort((a, b) => b.count - a.count || a.order - b.order);
  return hits.map((h) => h.code);
}

/** The category the text is filed under: its best hit, or UNCATEGORIZED. */
export const primaryCategory = (text: string, rules: FeedbackRuleSet): string =>
  categorize(text, rules)[0] ?? NO_CATEGORY;

export interface LabelledFeedback {
  text: string;
  /** The category a person filed it under (UNCATEGORIZED: none fits). */
  label: string;
}

export interface CategoryScore {
  code: string;
  /** Labelled this category. */
  support: number;
  truePositives: number;
  /** null when nothing was predicted as this category. */
  precision: number | null;
  /** null when nothing is labelled this category. */
  recall: number | null;
}

export interface ConfusionReport {
  version: number;
  samples: number;
  accuracy: number | null;
  /** matrix[label][predicted] = count, over the rule set's codes and UNCATEGORIZED. */
  matrix: Record<string, Record<string, number>>;
  categories: CategoryScore[];
  /** The samples filed wrongly, for whoever tunes the rules. */
  misses: { text: string; label: string; predicted: string }[];
}

/** How a rule set's primary category agrees with a hand-labelled sample. */
export function confusionReport(
  rules: FeedbackRuleSet,
  sample: readonly LabelledFeedback[],
): ConfusionReport {
  const codes = [...rules.categories.map((c) => c.code), NO_CATEGORY];
  const matrix: Record<string, Record<string, number>> = Object.fromEntries(
    codes.map((l) => [l, Object.fromEntries(codes.map((p) => [p, 0]))]),
  );
  const misses: ConfusionReport['misses'] = [];
  let correct = 0;
  for (const item of sample) {
    if (!codes.includes(item.label))
      throw new Error(`label ${item.label} is not a category of rules v${rules.version}`);
    const predicted = primaryCategory(item.text, rules);
    matrix[item.label][predicted] += 1;
    if (predicted === item.label) correct += 1;
    else misses.push({ text: item.text, label: item.label, predicted });
  }
  const categories = codes.map((code) => {
    const truePositives = matrix[code][code];
    const predicted = codes.reduce((sum, l) => sum + matrix[l][code], 0);
    const support = codes.reduce((sum, p) => sum + matrix[code][p], 0);
    return {
      code,
      support,
      truePositives,
      precision: predicted ? truePositives / predicted : null,
      recall: support ? truePositives / support : null,
    };
  });
  return {
    version: rules.version,
    samples: sample.length,
    accuracy: sample.length ? correct / sample.length : null,
    matrix,
    categories,
    misses,
  };
}
