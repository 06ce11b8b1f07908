/** A complaint's enumerations (care's model floor: no feature imports). */
export const COMPLAINT_SEVERITIES = ['NORMAL', 'MAJOR', 'REGULATORY'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const COMPLAINT_SOURCES = [
  'DIRECT',
  'ESCALATED_FROM_CASE',
  'REGULATOR_REFERRAL',
  'SOCIAL_MEDIA',
] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

export const FOLLOW_UP_SATISFACTIONS = ['SATISFIED', 'NEUTRAL', 'DISSATISFIED', 'NOT_REACHED'] as const;
export type FollowUpSatisfaction = (typeof FOLLOW_UP_SATISFACTIONS)[number];

export const COMPLAINT_AXES = ['CHANNEL', 'BUSINESS', 'REASON'] as const;
export type ComplaintAxis = (typeof COMPLAINT_AXES)[number];
