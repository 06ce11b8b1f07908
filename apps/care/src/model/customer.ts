/** The customer's segment (care's model floor: no feature imports). */
export const SEGMENTS = ['STANDARD', 'VIP', 'SENSITIVE', 'VULNERABLE'] as const;
export type Segment = (typeof SEGMENTS)[number];
