import {
  categorize,
  confusionReport,
  NO_CATEGORY,
  primaryCategory,
  words,
  type LabelledFeedback,
} from './feedback-rules';
import { FEEDBACK_RULES_V1 } from './feedback-rules.v1';
import { LABELLED_FEEDBACK_SAMPLE as sample } from './labelled-sample';

const labelled = sample as LabelledFeedback[];

describe('feedback rules', () => {
  it('cuts Chinese into words with the segmenter, not into characters or substrings', () => {
    expect(words('等待时间太长了')).toEqual(expect.arrayContaining(['等待', '时间']));
    // 费 is a word of 年费 only as part of it: "免费" does not hit FEES_INTEREST's 收费 or 年费
    expect(categorize('这个服务是免费的吗', FEEDBACK_RULES_V1)).not.toContain('FEES_INTEREST');
    expect(categorize('年费和手续费都太高', FEEDBACK_RULES_V1)).toEqual(['FEES_INTEREST']);
  });

  it('matches English keywords as whole words, and patterns', () => {
    expect(categorize('thanks for the feedback form', FEEDBACK_RULES_V1)).not.toContain('FEES_INTEREST');
    expect(categorize('Waited 40 minutes', FEEDBACK_RULES_V1)[0]).toBe('WAIT_TIME');
    expect(categorize('等了 30 分钟', FEEDBACK_RULES_V1)[0]).toBe('WAIT_TIME');
  });

  it('files a text under its most-hit category and lists the others', () => {
    const both = categorize('等了很久，客服态度还很不耐烦', FEEDBACK_RULES_V1);
    expect(both[0]).toBe('AGENT_ATTITUDE'); // 态度 + 不耐烦 against 等了
    expect(both).toContain('WAIT_TIME');
    expect(primaryCategory('挺好的', FEEDBACK_RULES_V1)).toBe(NO_CATEGORY);
  });

  it('reports its agreement with the hand-labelled sample: matrix, precision, recall and misses', () => {
    const report = confusionReport(FEEDBACK_RULES_V1, labelled);
    expect(report.version).toBe(1);
    expect(report.samples).toBe(labelled.length);
    const cells = Object.values(report.matrix).flatMap((row) => Object.values(row));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(labelled.length);
    const diagonal = Object.keys(report.matrix).reduce((sum, code) => sum + report.matrix[code][code], 0);
    expect(report.accuracy).toBe(diagonal / labelled.length);
    expect(report.misses).toHaveLength(labelled.length - diagonal);
    for (const c of report.categories) {
      expect(c.support).toBe(labelled.filter((l) => l.label === c.code).length);
      if (c.recall !== null) expect(c.recall).toBe(c.truePositives / c.support);
    }
    // the shipped rules must file most of the sample right (a rule change that breaks them fails here)
    expect(report.accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('refuses a sample labelled with a category the rules do not have', () => {
    expect(() => confusionReport(FEEDBACK_RULES_V1, [{ text: 'x', label: 'NOPE' }])).toThrow('NOPE');
  });
});
