/** The roles of docs/DESIGN.md's access design: tokens carry them, every subgraph checks them. */
export const ROLES = [
  'AGENT',
  'TEAM_LEAD',
  'CENTER_MANAGER',
  'QA_EVALUATOR',
  'TRAINER',
  'HR',
  'CASE_HANDLER',
  'BI_READER',
  'ADMIN',
] as const;

export type Role = (typeof ROLES)[number];
