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

/**
 * A group to rank: its peer keys, its agent (named as the stats row names them, so a row ranks as
 * it is), and (when ranked) its value and sample on the metric.
 */
export interface Rankable {
  agentEmployeeNo: string | null;
  month: string | null;
  centerId: string | null;
  teamId: string | null;
  queueCode: string | null;
  /** null: not ranked (no agent, or fewer responses than the minimum). */
  rankValue: number | null;
  rankN: number | null;
  rank: number | null;
}

const comparePeers = (a: Rankable, b: Rankable): number =>
  compareCodePoints(a.month, b.month) ||
  compareCodePoints(a.centerId, b.centerId) ||
  compareCodePoints(a.teamId, b.teamId) ||
  compareCodePoints(a.queueCode, b.queueCode);

/** The ranked first, larger value first, then larger sample; ties and the unranked by agent. */
function compareWithinPeers(a: Rankable, b: Rankable): number {
  const av = a.rankValue;
  const bv = b.rankValue;
  if (av !== bv) return av === null ? 1 : bv === null ? -1 : bv - av;
  const an = a.rankN;
  const bn = b.rankN;
  if (an !== bn) return an === null ? 1 : bn === null ? -1 : bn - an;
  return compareCodePoints(a.agentEmployeeNo, b.agentEmployeeNo);
}

/** One text per peer keys: each key NUL then n (null) or v and its text (PostgreSQL text holds no NUL). */
const key = (v: string | null): string => (v === null ? '\0n' : `\0v${v}`);
const peersId = (r: Rankable): string => key(r.month) + key(r.centerId) + key(r.teamId) + key(r.queueCode);

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
  const ordered = new Array<T>(rows.length);
  let at = 0;
  for (const list of [...peers.values()].sort((a, b) => comparePeers(a[0], b[0]))) {
    list.sort(compareWithinPeers);
    for (let i = 0; i < list.length; i++) {
      const row = list[i];
      row.rank = row.rankN === null ? null : i + 1;
      ordered[at++] = row;
    }
  }
  return ordered;
}
