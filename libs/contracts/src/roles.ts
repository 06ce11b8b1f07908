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
  /**
   * A subgraph calling another through the gateway (subject `service:<name>`, always with BI_READER
   * for its reads). Not a human role: it widens no read (not bank-wide, no PII) and is accepted only
   * by the mutations that name it (docs/DESIGN.md, "Service identities").
   */
  'SERVICE',
] as const;

export type Role = (typeof ROLES)[number];
