import { FEEDBACK_RULES_V1 } from '../feedback/feedback-rules.v1';
import { matchesEverything, ruleSetProblems } from './rule-set-check';

const known = new Map(FEEDBACK_RULES_V1.categories.map((c) => [c.code, c]));
const fields = (categories: Parameters<typeof ruleSetProblems>[0]) =>
  ruleSetProblems(categories, known).map((p) => p.field);

describe('rule set check', () => {
  it('accepts version 1 as it ships', () => {
    expect(ruleSetProblems(FEEDBACK_RULES_V1.categories, known)).toEqual([]);
  });

  it('finds patterns that would file every text', () => {
    for (const p of ['.*', '', 'x?', '[\\s\\S]', '.', '^', '(?:)', 'a|', '\\S|\\s'])
      expect({ p, all: matchesEverything(new RegExp(p, 'iu')) }).toEqual({ p, all: true });
    for (const p of ['等了?\\s*\\d+\\s*分钟', '\\d+\\s*minutes?', 'x', '[a-z]+'])
      expect({ p, all: matchesEverything(new RegExp(p, 'iu')) }).toEqual({ p, all: false });
  });

  it('names each bad keyword, pattern and code by its place', () => {
    expect(
      fields([
        { code: 'WAIT_TIME', keywords: ['排队', '', '  ', '——'], patterns: ['(', '.*', '\\d+分钟'] },
        { code: 'NEW_THING', keywords: ['x'] },
        { code: 'NEW_THING_2', nameEn: 'New', nameZh: '新', keywords: ['新'] },
        { code: 'IVR', keywords: [], patterns: [] },
      ]),
    ).toEqual([
      'categories[0].keywords[1]',
      'categories[0].keywords[2]',
      'categories[0].keywords[3]',
      'categories[0].patterns[0]',
      'categories[0].patterns[1]',
      'categories[1].code',
      'categories[3].keywords',
    ]);
  });
});
