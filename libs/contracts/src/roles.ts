/** The roles of docs/DESIGN.md's access design: tokens carry them, every subgraph checks them. */
export const ROLES = [
  'AGENT',
  'TEAM_LEAD',
  'CENTER_MANAGER',
  'QA_EVALUATOR',
  'TRAINER',
  'HR',
  'CASE_HANDLER',
  /**
   * The voice-of-the-customer team: reads every center's surveys and feedback with the customers'
   * words (PII, each read audit-logged), runs survey forms and imports, edits the feedback rules.
   */
  'VOC_ANALYST',
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
