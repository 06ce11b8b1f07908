/** The demo training catalog: what a bank call center trains its agents in. */
export interface DemoCourse {
  code: string;
  title: string;
  category: 'ONBOARDING' | 'PRODUCT_KNOWLEDGE' | 'COMPLIANCE' | 'SOFT_SKILLS' | 'SYSTEMS' | 'SALES';
  hours: number;
  validityMonths: number | null;
  mandatoryForRoles: string[];
  mandatoryForSkills: string[];
  exam: { code: string; passMark: number; maxAttempts: number } | null;
  /** Days from assignment to due date. */
  dueInDays: number;
  /** Day of the demo year (0 = a year ago) the yearly campaign assigns it; null: not a campaign. */
  campaignDay: number | null;
}

const FRONT_LINE = ['AGENT', 'SENIOR_AGENT', 'TEAM_LEAD'];

export const DEMO_COURSES: DemoCourse[] = [
  {
    code: 'ONB-CORE',
    title: 'Onboarding: the bank, its products and the call flow',
    category: 'ONBOARDING',
    hours: 40,
    validityMonths: null,
    mandatoryForRoles: [],
    mandatoryForSkills: [],
    exam: { code: 'ONB-CORE-X', passMark: 70, maxAttempts: 3 },
    dueInDays: 30,
    campaignDay: null,
  },
  {
    code: 'ONB-SYS',
    title: 'Onboarding: CRM, softphone and knowledge base',
    category: 'SYSTEMS',
    hours: 16,
    validityMonths: null,
    mandatoryForRoles: [],
    mandatoryForSkills: [],
    exam: null,
    dueInDays: 21,
    campaignDay: null,
  },
  {
    code: 'AML',
    title: 'Anti-money laundering and sanctions',
    category: 'COMPLIANCE',
    hours: 3,
    validityMonths: 12,
    mandatoryForRoles: FRONT_LINE,
    mandatoryForSkills: [],
    exam: { code: 'AML-X', passMark: 80, maxAttempts: 3 },
    dueInDays: 45,
    campaignDay: 60,
  },
  {
    code: 'PRIVACY',
    title: 'Customer data privacy (PIPL) and call recording',
    category: 'COMPLIANCE',
    hours: 2,
    validityMonths: 24,
    mandatoryForRoles: [...FRONT_LINE, 'QA_EVALUATOR'],
    mandatoryForSkills: [],
    exam: { code: 'PRIVACY-X', passMark: 80, maxAttempts: 3 },
    dueInDays: 45,
    campaignDay: 150,
  },
  {
    code: 'CARDS-PK',
    title: 'Credit and debit card products',
    category: 'PRODUCT_KNOWLEDGE',
    hours: 6,
    validityMonths: 24,
    mandatoryForRoles: [],
    mandatoryForSkills: ['CARDS'],
    exam: { code: 'CARDS-PK-X', passMark: 75, maxAttempts: 2 },
    dueInDays: 30,
    campaignDay: 250,
  },
  {
    code: 'LOANS-PK',
    title: 'Personal loans and mortgages',
    category: 'PRODUCT_KNOWLEDGE',
    hours: 8,
    validityMonths: 24,
    mandatoryForRoles: [],
    mandatoryForSkills: ['LOANS'],
    exam: { code: 'LOANS-PK-X', passMark: 75, maxAttempts: 2 },
    dueInDays: 30,
    campaignDay: 200,
  },
  {
    code: 'WEALTH-SUIT',
    title: 'Wealth products: suitability and mis-selling rules',
    category: 'COMPLIANCE',
    hours: 8,
    validityMonths: 12,
    mandatoryForRoles: [],
    mandatoryForSkills: ['WEALTH'],
    exam: { code: 'WEALTH-SUIT-X', passMark: 85, maxAttempts: 2 },
    dueInDays: 30,
    campaignDay: 300,
  },
  {
    code: 'FRAUD-101',
    title: 'Fraud detection and card disputes',
    category: 'PRODUCT_KNOWLEDGE',
    hours: 5,
    validityMonths: 12,
    mandatoryForRoles: [],
    mandatoryForSkills: ['FRAUD'],
    exam: { code: 'FRAUD-101-X', passMark: 80, maxAttempts: 3 },
    dueInDays: 30,
    campaignDay: 320,
  },
  {
    code: 'EMPATHY',
    title: 'Empathy and de-escalation on difficult calls',
    category: 'SOFT_SKILLS',
    hours: 4,
    validityMonths: null,
    mandatoryForRoles: [],
    mandatoryForSkills: [],
    exam: null,
    dueInDays: 60,
    campaignDay: 120,
  },
  {
    code: 'SELL-NEEDS',
    title: 'Needs-based selling on service calls',
    category: 'SALES',
    hours: 4,
    validityMonths: null,
    mandatoryForRoles: [],
    mandatoryForSkills: [],
    exam: { code: 'SELL-NEEDS-X', passMark: 70, maxAttempts: 3 },
    dueInDays: 45,
    campaignDay: 340,
  },
];
