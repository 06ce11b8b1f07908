import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleSizes, overBudget, type BundleBudget } from './bundle-size';
import { ensureDashboardBuilt } from './dashboard-build';
import { DASHBOARD_DIR } from './dashboard-paths';

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

describe('the dashboard bundle size budget', () => {
  it('counts what index.html makes the first load fetch, the largest chunk and the total', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    try {
      mkdirSync(join(dir, 'assets'));
      const entry = 'import "./vendor.js";'.repeat(50);
      const vendor = 'export const v = 1;'.repeat(400);
      const page = 'export const p = Math.random();'.repeat(20);
      const css = 'body{margin:0}'.repeat(10);
      writeFileSync(join(dir, 'assets', 'index.js'), entry);
      writeFileSync(join(dir, 'assets', 'vendor.js'), vendor);
      writeFileSync(join(dir, 'assets', 'page.js'), page);
      writeFileSync(join(dir, 'assets', 'index.css'), css);
      writeFileSync(
        join(dir, 'index.html'),
        '<script type="module" crossorigin src="/assets/index.js"></script>' +
          '<link rel="modulepreload" crossorigin href="/assets/vendor.js">' +
          '<link rel="stylesheet" crossorigin href="/assets/index.css">',
      );
      const sizes = bundleSizes(dir);
      expect(sizes.firstLoad.files).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/index.css']);
      expect(sizes.firstLoad.gzipBytes).toBe(gz(entry) + gz(vendor) + gz(css));
      expect(sizes.totalGzipBytes).toBe(gz(entry) + gz(vendor) + gz(css) + gz(page));
      const largest = [
        ['assets/index.js', gz(entry)],
        ['assets/vendor.js', gz(vendor)],
        ['assets/page.js', gz(page)],
      ].sort((a, b) => Number(b[1]) - Number(a[1]))[0];
      expect(sizes.largestChunk).toEqual({ file: largest[0], gzipBytes: largest[1] });
      const exact: BundleBudget = {
        firstLoadGzipBytes: sizes.firstLoad.gzipBytes,
        largestChunkGzipBytes: sizes.largestChunk.gzipBytes,
        totalGzipBytes: sizes.totalGzipBytes,
      };
      expect(overBudget(sizes, exact)).toEqual([]);
      const over = overBudget(sizes, { ...exact, firstLoadGzipBytes: exact.firstLoadGzipBytes - 1 });
      expect(over).toHaveLength(1);
      expect(over[0]).toMatch(/^firstLoad: \d+ gzipped bytes > budget \d+/);
      // a file index.html names that the build lacks is an error, not a smaller figure
      rmSync(join(dir, 'assets', 'vendor.js'));
      expect(() => bundleSizes(dir)).toThrow('assets/vendor.js');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the built dashboard is within the budgets committed in apps/dashboard/bundle-budget.json', async () => {
    const budget = JSON.parse(
      readFileSync(join(DASHBOARD_DIR, 'bundle-budget.json'), 'utf8'),
    ) as BundleBudget;
    const sizes = bundleSizes(await ensureDashboardBuilt());
    expect(overBudget(sizes, budget)).toEqual([]);
  }, 600_000);
});
