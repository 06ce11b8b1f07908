import { randomBytes } from 'node:crypto';
import { postGraphQL } from '@switchboard/testing';

export interface ScorecardRef {
  id: string;
  code: string;
  version: number;
}

/**
 * A small scorecard with hand-checkable scores. OPENING (weight 40): GREETING yes/no 10 pts,
 * VERIFY yes/no 10 pts critical EVALUATION (compliance). HANDLING (weight 60): LISTEN scale 0-4
 * 20 pts, EMPATHY scale 0-4 20 pts N/A allowed, RESOLVED yes/no 10 pts critical SECTION.
 */
export function standardScorecard(code: string, change: { openingWeight?: number } = {}) {
  return {
    code,
    name: 'Voice standard',
    sections: [
      {
        key: 'OPENING',
        title: 'Opening',
        weight: change.openingWeight ?? 40,
        criteria: [
          { key: 'GREETING', label: 'Greets the customer', type: 'YES_NO', points: 10, category: 'COURTESY' },
          {
            key: 'VERIFY',
            label: 'Verifies identity',
            type: 'YES_NO',
            points: 10,
            critical: 'EVALUATION',
            category: 'COMPLIANCE',
          },
        ],
      },
      {
        key: 'HANDLING',
        title: 'Handling',
        weight: 60,
        criteria: [
          { key: 'LISTEN', label: 'Listens', type: 'SCALE', scaleMax: 4, points: 20, category: 'LISTENING' },
          {
            key: 'EMPATHY',
            label: 'Shows empathy',
            type: 'SCALE',
            scaleMax: 4,
            points: 20,
            allowNa: true,
            category: 'EMPATHY',
          },
          {
            key: 'RESOLVED',
            label: 'Resolves the request',
            type: 'YES_NO',
            points: 10,
            critical: 'SECTION',
            category: 'PROBLEM_SOLVING',
          },
        ],
      },
    ],
  };
}

export type Answers = Record<string, number | 'NA'>;

export const toAnswerInputs = (answers: Answers) =>
  Object.entries(answers).map(([criterionKey, v]) =>
    v === 'NA' ? { criterionKey, na: true } : { criterionKey, value: v },
  );

/** Where a factory gets contacts handled by an agent (a QaWorldDouble in integration tests). */
export interface ContactBook {
  contact(agent: string): { source: string; externalId: string };
}

/**
 * Builds QA test data through the subgraph's own API. Codes are unique per call. Evaluations need a
 * contact traffic holds for the agent: from `contacts` (e2e tests pass the contacts they imported).
 */
export class QaFactory {
  constructor(
    private readonly url: string,
    private readonly contacts?: ContactBook,
  ) {}

  /** A contact `agent` handled: from the contact book, else a made-up key (refused by QA's checks). */
  contactOf(agent: string): { source: string; externalId: string } {
    return this.contacts?.contact(agent) ?? { source: 'pbx', externalId: this.unique('call') };
  }

  unique(prefix: string): string {
    return `${prefix}-${randomBytes(3).toString('hex').toUpperCase()}`;
  }

  async mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await postGraphQL<Record<string, T>>(this.url, query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`factory mutation failed: ${JSON.stringify(response.errors)}`);
    }
    return Object.values(response.data)[0];
  }

  /** A published scorecard (standardScorecard unless given). */
  async publishedScorecard(input?: Record<string, unknown>): Promise<ScorecardRef> {
    const draft = await this.mutate<ScorecardRef>(
      'mutation($i: ScorecardInput!) { createScorecard(input: $i) { id code version } }',
      { i: input ?? standardScorecard(this.unique('SC')) },
    );
    await this.mutate('mutation($id: ID!) { publishScorecard(id: $id) { id } }', { id: draft.id });
    return draft;
  }

  /** A SUBMITTED evaluation; returns its id and overall score. */
  async submitted(
    scorecardId: string,
    agent: string,
    answers: Answers,
    evaluator = 'QA-1',
  ): Promise<{ id: string; overallScore: number | null }> {
    const draft = await this.mutate<{ id: string }>(
      'mutation($i: CreateEvaluationInput!) { createEvaluation(input: $i) { id } }',
      {
        i: {
          scorecardId,
          agentEmployeeNo: agent,
          evaluatorEmployeeNo: evaluator,
          contact: this.contactOf(agent),
          answers: toAnswerInputs(answers),
        },
      },
    );
    return this.mutate('mutation($id: ID!) { submitEvaluation(id: $id) { id overallScore } }', {
      id: draft.id,
    });
  }
}
