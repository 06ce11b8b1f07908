/**
 * Code-point order of two texts (PostgreSQL's `collate "C"` on UTF-8), nulls last. JavaScript's `<`
 * compares UTF-16 units, which differs only where a surrogate (a code point above U+FFFF) meets a
 * unit from U+E000 to U+FFFF: the surrogate's code point is the larger.
 */
export function compareCodePoints(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    return xs === ys ? x - y : xs ? 1 : -1;
  }
  return a.length - b.length;
}

/** A group to rank: its peer keys, its agent, and (when ranked) its value and sample on the metric. */
export interface Rankable {
  agent: string | null;
  month: string | null;
  center: string | null;
  team: string | null;
  queue: string | null;
  /** null: not ranked (no agent, or fewer responses than the minimum). */
  rankValue: number | null;
  rankN: number | null;
  rank: number | null;
}

/** Nulls last, larger first. */
const descending = (a: number | null, b: number | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a;

const comparePeers = (a: Rankable, b: Rankable): number =>
  compareCodePoints(a.month, b.month) ||
  compareCodePoints(a.center, b.center) ||
  compareCodePoints(a.team, b.team) ||
  compareCodePoints(a.queue, b.queue);

const compareWithinPeers = (a: Rankable, b: Rankable): number =>
  descending(a.rankValue, b.rankValue) || descending(a.rankN, b.rankN) || compareCodePoints(a.agent, b.agent);

/** One text per peer keys: each key NUL then n (null) or v and its text (PostgreSQL text holds no NUL). */
const key = (v: string | null): string => (v === null ? '\0n' : `\0v${v}`);
const peersId = (r: Rankable): string => key(r.month) + key(r.center) + key(r.team) + key(r.queue);

/**
 * The groups in the answer's order, the ranked ones numbered: peers (month, center, team, queue in
 * code-point order, nulls last), within them the ranked best first (ties: the larger sample, then the
 * employee number), then the unranked by employee number; `rank` = 1, 2, ... among the ranked of the
 * same peers (the rows are numbered in place). Peers are gathered first, so each sort is short and
 * numeric: a year by agent and month sorts twelve months of agents, not 12,000 rows by five keys.
 */
export function rankAndOrder<T extends Rankable>(rows: readonly T[]): T[] {
  const peers = new Map<string, T[]>();
  for (const row of rows) {
    const id = peersId(row);
    const list = peers.get(id);
    if (list) list.push(row);
    else peers.set(id, [row]);
  }
  const ordered: T[] = [];
  for (const list of [...peers.values()].sort((a, b) => comparePeers(a[0], b[0]))) {
    list.sort(compareWithinPeers);
    for (let i = 0; i < list.length; i++) list[i].rank = list[i].rankN === null ? null : i + 1;
    for (const row of list) ordered.push(row);
  }
  return ordered;
}
