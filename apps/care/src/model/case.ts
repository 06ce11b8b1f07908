/** What a case is and what its event log records (care's model floor: no feature imports). */
export const CASE_TYPES = ['INQUIRY', 'REQUEST', 'COMPLAINT', 'SUGGESTION', 'PRAISE'] as const;
export type CaseKind = (typeof CASE_TYPES)[number];

export const CASE_EVENT_KINDS = [
  'CREATED',
  'STATUS',
  'OWNER',
  'DEPARTMENT',
  'NOTE',
  'LINK_CONTACT',
  'COMMITMENT',
  'ESCALATION',
  'SLA',
  'SURVEY',
  'MERGE',
  'COMPLAINT',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];
