import { readFileSync } from 'node:fs';
import { groupOf, type CpuProfile } from './cpu-profile';

type ProfileNode = CpuProfile['nodes'][number];

const share = (ms: number, total: number): string => `${((ms / total) * 100).toFixed(1).padStart(6)}%`;

/**
 * node tools/bin/run.js tools/bench/dashboard/cpu-profile-summary.ts <file.cpuprofile> [top] [last seconds]:
 * one service's V8 CPU profile (page-alone.ts --cpu-prof-dir) as shares of its busy time, by package,
 * by function (self) and by function with what it calls (inclusive); `last seconds` keeps only the
 * samples of the profile's end (the load, not the start-up). Under load a sample's time includes
 * waiting for a core: compare shares, not milliseconds.
 */
function main(): void {
  const [file, topArg, lastArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [top] [last seconds]');
  const top = Number(topArg ?? 30);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ends: number[] = [];
  let at = 0;
  for (const delta of profile.timeDeltas) ends.push((at += delta));
  const from = lastArg ? at - Number(lastArg) * 1e6 : -Infinity;
  const byGroup = new Map<string, number>();
  const bySelf = new Map<string, number>();
  const byInclusive = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node || ends[i] < from || node.callFrame.functionName === '(idle)') return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    busy += ms;
    const name = (n: ProfileNode) =>
      `${groupOf(n.callFrame.url)} ${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}`;
    const group = groupOf(node.callFrame.url);
    byGroup.set(group, (byGroup.get(group) ?? 0) + ms);
    bySelf.set(name(node), (bySelf.get(name(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur);
      if (!frame || seen.has(name(frame))) continue;
      seen.add(name(frame));
      byInclusive.set(name(frame), (byInclusive.get(name(frame)) ?? 0) + ms);
    }
  });
  const print = (title: string, values: Map<string, number>) => {
    console.log(`-- ${title}`);
    for (const [key, ms] of [...values].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${share(ms, busy)}  ${key}`);
  };
  console.log(`${file}: ${busy.toFixed(0)} ms busy`);
  print('by package (self)', byGroup);
  print('by function (self)', bySelf);
  print('by function (inclusive)', byInclusive);
}

main();
