import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the dashboard's build weighs, gzipped as the gateway's clients download it. */
export interface BundleSizes {
  /** The files index.html makes a cold browser fetch before the first paint: entry script, preloads, CSS */
  firstLoad: { files: string[]; gzipBytes: number };
  /** The largest JavaScript chunk (a page, or a library loaded with it) */
  largestChunk: { file: string; gzipBytes: number };
  /** Every JavaScript and CSS file of the build */
  totalGzipBytes: number;
}

/** The budgets committed beside the dashboard (apps/dashboard/bundle-budget.json), in gzipped bytes. */
export interface BundleBudget {
  firstLoadGzipBytes: number;
  largestChunkGzipBytes: number;
  totalGzipBytes: number;
}

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function assets(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return assets(path, `${prefix}${name}/`);
    return /\.(js|css)$/.test(name) ? [`${prefix}${name}`] : [];
  });
}

/** Sizes of a vite build folder (dist/): its index.html names what the first load fetches. */
export function bundleSizes(distDir: string): BundleSizes {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1].replace(/^\//, ''));
  const first = [...new Set(referenced)];
  const all = assets(distDir);
  const sizes = new Map(all.map((file) => [file, gzipped(join(distDir, file))]));
  const missing = first.filter((file) => !sizes.has(file));
  if (missing.length) throw new Error(`index.html names files the build lacks: ${missing.join(', ')}`);
  const chunks = all.filter((file) => file.endsWith('.js'));
  const largest = chunks.reduce((a, b) => ((sizes.get(b) ?? 0) > (sizes.get(a) ?? 0) ? b : a), chunks[0]);
  const sum = (files: string[]) => files.reduce((n, f) => n + (sizes.get(f) ?? 0), 0);
  return {
    firstLoad: { files: first, gzipBytes: sum(first) },
    largestChunk: { file: largest, gzipBytes: sizes.get(largest) ?? 0 },
    totalGzipBytes: sum(all),
  };
}

/** Each budget the sizes exceed, named with both figures; empty when the build is within them. */
export function overBudget(sizes: BundleSizes, budget: BundleBudget): string[] {
  const over: string[] = [];
  const check = (name: string, bytes: number, limit: number, what: string) => {
    if (bytes > limit) over.push(`${name}: ${bytes} gzipped bytes > budget ${limit} (${what})`);
  };
  check('firstLoad', sizes.firstLoad.gzipBytes, budget.firstLoadGzipBytes, sizes.firstLoad.files.join(', '));
  check('largestChunk', sizes.largestChunk.gzipBytes, budget.largestChunkGzipBytes, sizes.largestChunk.file);
  check('total', sizes.totalGzipBytes, budget.totalGzipBytes, 'every .js and .css');
  return over;
}
