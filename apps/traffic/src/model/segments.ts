/**
 * Care's customer segments (care owns the customer and its segment; traffic stamps the segment a
 * contact's customer had when the contact was stored). STANDARD is the rest: the segment rollup
 * keeps only the others, and STANDARD's figures are the total's minus theirs.
 */
export const CUSTOMER_SEGMENTS = ['STANDARD', 'VIP', 'SENSITIVE', 'VULNERABLE'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

/** The segments the segment rollup holds (every one but STANDARD). */
export const ROLLED_SEGMENTS = CUSTOMER_SEGMENTS.filter(
  (s): s is Exclude<CustomerSegment, 'STANDARD'> => s !== 'STANDARD',
);

export function isCustomerSegment(value: unknown): value is CustomerSegment {
  return typeof value === 'string' && (CUSTOMER_SEGMENTS as readonly string[]).includes(value);
}
