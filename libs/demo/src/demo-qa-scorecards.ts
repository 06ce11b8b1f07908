/**
 * Demo QA scorecards, as plain data shaped like the QA subgraph's scorecard versions. VOICE-STD has
 * two versions (1 retired, 2 published), so the demo shows evaluations kept on an older version.
 */
export interface DemoCriterion {
  key: string;
  label: string;
  description: string | null;
  type: 'YES_NO' | 'SCALE';
  points: number;
  scaleMax: number;
  allowNa: boolean;
  critical: 'NONE' | 'SECTION' | 'EVALUATION';
  category: string;
}

export interface DemoSection {
  key: string;
  title: string;
  weight: number;
  criteria: DemoCriterion[];
}

export interface DemoScorecard {
  code: string;
  version: number;
  name: string;
  status: 'PUBLISHED' | 'RETIRED';
  /** Days before the demo's end the version was published (and, when retired, replaced). */
  publishedDaysAgo: number;
  retiredDaysAgo: number | null;
  sections: DemoSection[];
}

const yesNo = (
  key: string,
  label: string,
  points: number,
  category: string,
  more: Partial<DemoCriterion> = {},
) => ({
  key,
  label,
  description: null,
  type: 'YES_NO' as const,
  points,
  scaleMax: 1,
  allowNa: false,
  critical: 'NONE' as const,
  category,
  ...more,
});

const scale = (
  key: string,
  label: string,
  points: number,
  max: number,
  category: string,
  more: Partial<DemoCriterion> = {},
) => ({
  ...yesNo(key, label, points, category, more),
  type: 'SCALE' as const,
  scaleMax: max,
});

const opening = (weight: number): DemoSection => ({
  key: 'OPENING',
  title: 'Opening and verification',
  weight,
  criteria: [
    yesNo('GREETING', 'Greets with the bank script and own name', 5, 'COURTESY'),
    yesNo('VERIFY_ID', 'Verifies the caller (two factors) before account details', 10, 'COMPLIANCE', {
      critical: 'EVALUATION',
    }),
  ],
});

const closing: DemoSection = {
  key: 'CLOSING',
  title: 'Compliance and closing',
  weight: 30,
  criteria: [
    yesNo('DISCLOSURE', 'Reads the required disclosures (fees, rates, recording)', 10, 'COMPLIANCE', {
      critical: 'SECTION',
    }),
    yesNo('OFFER_MORE', 'Offers further help or a relevant product', 5, 'FLEXIBILITY', { allowNa: true }),
    yesNo('COURTEOUS_CLOSE', 'Closes courteously and summarises next steps', 5, 'COURTESY'),
  ],
};

const handling = (withFlexibility: boolean): DemoSection => ({
  key: 'HANDLING',
  title: 'Handling the request',
  weight: withFlexibility ? 55 : 50,
  criteria: [
    scale('ACTIVE_LISTENING', 'Listens without interrupting; confirms understanding', 20, 5, 'LISTENING'),
    scale('EMPATHY', 'Acknowledges the customer’s situation and feelings', 15, 5, 'EMPATHY', {
      allowNa: true,
    }),
    yesNo('ACCURATE_INFO', 'Gives accurate information and policy', 20, 'ACCURACY', { critical: 'SECTION' }),
    scale('PROBLEM_SOLVING', 'Finds and carries out the right solution', 15, 5, 'PROBLEM_SOLVING'),
    ...(withFlexibility
      ? [scale('ADAPTS', 'Adapts pace and language to the customer', 10, 3, 'FLEXIBILITY')]
      : []),
  ],
});

export function demoScorecards(): DemoScorecard[] {
  return [
    {
      code: 'VOICE-STD',
      version: 1,
      name: 'Voice service standard',
      status: 'RETIRED',
      publishedDaysAgo: 200,
      retiredDaysAgo: 14,
      sections: [opening(20), handling(false), closing],
    },
    {
      code: 'VOICE-STD',
      version: 2,
      name: 'Voice service standard',
      status: 'PUBLISHED',
      publishedDaysAgo: 14,
      retiredDaysAgo: null,
      sections: [opening(15), handling(true), closing],
    },
    {
      code: 'CHAT-STD',
      version: 1,
      name: 'Chat and messaging standard',
      status: 'PUBLISHED',
      publishedDaysAgo: 150,
      retiredDaysAgo: null,
      sections: [
        opening(20),
        {
          key: 'WRITING',
          title: 'Written answer',
          weight: 80,
          criteria: [
            yesNo('ACCURATE_INFO', 'Gives accurate information and policy', 20, 'ACCURACY', {
              critical: 'SECTION',
            }),
            scale(
              'WRITTEN_TONE',
              'Clear, friendly written tone without jargon',
              15,
              4,
              'WRITTEN_COMMUNICATION',
            ),
            scale(
              'PROBLEM_SOLVING',
              'Solves the request in as few messages as possible',
              15,
              4,
              'PROBLEM_SOLVING',
            ),
            scale('EMPATHY', 'Acknowledges the customer’s situation', 10, 4, 'EMPATHY', { allowNa: true }),
          ],
        },
      ],
    },
  ];
}
