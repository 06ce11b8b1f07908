import { createHash } from 'node:crypto';

/**
 * The id the demo gives a center: a name-based UUID (version 5 layout) of its code, the same in
 * every subgraph's seed, so traffic's demo queues can name their center without asking staff.
 */
export function demoCenterId(code: string): string {
  const hash = createHash('sha1').update(`switchboard-demo-center:${code}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
