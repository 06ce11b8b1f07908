import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/browser';
import { ensureDashboardBuilt } from '../src/dashboard/dashboard-build';
import { formatMs, max, median, min, table, verdict } from './measurement';

/**
 * The dashboard's first load in a cold browser: a fresh Chromium profile (empty cache) per run opens
 * the dashboard and waits for the sign-in page's first control; with `--url` of a running demo
 * (`npm start`) and `--identity`, it then signs in and waits for the landing page's figures (a KPI
 * tile, or the page's heading). Without `--url` it serves the built dist/ itself (the app alone:
 * what the first load downloads, parses and renders).
 *
 *   node tools/bin/run.js tools/bench/dashboard-first-load.bench.ts --runs 7
 *   node tools/bin/run.js tools/bench/dashboard-first-load.bench.ts --url http://localhost:4000 --identity "CENTER_MANAGER of SHA-01"
 */
const GOAL_MS = 1_500;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function serveDist(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      file = join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      url: { type: 'string' },
      identity: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  let server: Server | null = null;
  let origin = values.url?.replace(/\/$/, '');
  if (!origin) {
    server = await serveDist(await ensureDashboardBuilt((m) => process.stdout.write(`${m}\n`)));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const firstLoad: number[] = [];
  const landing: number[] = [];
  const bytes: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const browser = await launchChromium(); // a new profile: nothing cached
      try {
        const page = await browser.context.newPage();
        let transferred = 0;
        page.on('response', (response) => {
          void response
            .body()
            .then((body) => (transferred += body.length))
            .catch(() => undefined);
        });
        const start = Date.now();
        await page.goto(`${origin}/`);
        await page.locator('.language select').waitFor();
        firstLoad.push(Date.now() - start);
        if (values.url && values.identity) {
          const signedIn = Date.now();
          await page.getByRole('button', { name: values.identity }).click();
          await page.locator('[data-kpi], main h2').first().waitFor({ timeout: 60_000 });
          landing.push(Date.now() - signedIn);
        }
        bytes.push(transferred);
      } finally {
        await browser.close();
      }
    }
  } finally {
    server?.close();
  }
  const row = (name: string, ms: number[]) => [
    name,
    formatMs(median(ms)),
    formatMs(min(ms)),
    formatMs(max(ms)),
  ];
  const rows = [row('first load (cold browser → sign-in page)', firstLoad)];
  if (landing.length) rows.push(row(`sign-in → landing (${values.identity})`, landing));
  process.stdout.write(`\n${table(['measure', 'median', 'min', 'max'], rows)}\n`);
  process.stdout.write(
    `bytes of the responses per first load, uncompressed (median): ${median(bytes).toLocaleString('en-US')}\n`,
  );
  process.stdout.write(
    `goal: first load < ${GOAL_MS} ms: ${verdict(median(firstLoad) < GOAL_MS)} (${runs} runs)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
