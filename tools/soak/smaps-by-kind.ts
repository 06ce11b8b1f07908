import { readFileSync } from 'node:fs';

const KIB = 1024;
const MIB = 1024 * KIB;
const V8_PAGE = 256 * KIB;
const ARENA = 64 * MIB;

interface Mapping {
  start: number;
  end: number;
  path: string;
  rssKiB: number;
}

/** The mappings of a /proc/<pid>/smaps text, with their resident KiB. */
export function parseSmaps(text: string): Mapping[] {
  const mappings: Mapping[] = [];
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      mappings.push({
        start: parseInt(head[1], 16),
        end: parseInt(head[2], 16),
        path: head[3].trim(),
        rssKiB: 0,
      });
    } else if (line.startsWith('Rss:') && mappings.length) {
      mappings[mappings.length - 1].rssKiB = Number(line.split(/\s+/)[1]);
    }
  }
  return mappings;
}

/** Whether mapping i lies in a glibc thread arena: anonymous mappings filling a 64 MiB-aligned 64 MiB. */
function inThreadArena(mappings: Mapping[], i: number): boolean {
  const base = Math.floor(mappings[i].start / ARENA) * ARENA;
  let j = i;
  while (j > 0 && mappings[j - 1].path === '' && mappings[j - 1].end === mappings[j].start) j -= 1;
  if (mappings[j].start > base) return false;
  let end = mappings[j].end;
  while (j + 1 < mappings.length && mappings[j + 1].path === '' && mappings[j + 1].start === end) {
    j += 1;
    end = mappings[j].end;
  }
  return mappings[j].start >= base && end >= base + ARENA && (end - base) % ARENA === 0;
}

function kindOf(mappings: Mapping[], i: number): string {
  const { start, end, path } = mappings[i];
  if (path === '[heap]') return '[heap] (glibc main arena)';
  if (path.endsWith('.node')) return 'native addons';
  if (path.endsWith('/node')) return 'node binary';
  if (path !== '') return 'other files and special mappings';
  if (end - start >= 1024 * MIB) return 'anonymous >= 1 GiB reservation';
  if (inThreadArena(mappings, i)) return 'glibc thread arenas';
  if (start % V8_PAGE === 0 && (end - start) % V8_PAGE === 0) return 'V8 pages (256 KiB-aligned)';
  return 'other anonymous (malloc mmaps, stacks)';
}

/**
 * Resident MiB of a process by kind of mapping, largest first: where RSS goes that
 * process.memoryUsage() does not say (V8's pages beyond heapTotal, malloc's arenas and mmaps).
 */
export function residentByKind(smaps: string): Array<[kind: string, mib: number]> {
  const mappings = parseSmaps(smaps);
  const totals = new Map<string, number>();
  mappings.forEach((mapping, i) => {
    const kind = kindOf(mappings, i);
    totals.set(kind, (totals.get(kind) ?? 0) + mapping.rssKiB / KIB);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

// node tools/bin/run.js tools/soak/smaps-by-kind.ts <pid>: one line of JSON, MiB by kind.
if (process.argv[1] === __filename) {
  const pid = process.argv[2];
  const kinds = residentByKind(readFileSync(`/proc/${pid}/smaps`, 'utf8'));
  const total = kinds.reduce((sum, [, mib]) => sum + mib, 0);
  console.log(
    JSON.stringify({
      total: Math.round(total * 10) / 10,
      ...Object.fromEntries(kinds.map(([kind, mib]) => [kind, Math.round(mib * 10) / 10])),
    }),
  );
}
