import { readFileSync, writeFileSync } from 'node:fs';
import { generateDashboardTypes } from './api-schema';
import { DASHBOARD_SCHEMA_PATH, DASHBOARD_TYPES_PATH } from './dashboard-paths';
import { apiSchemaOf } from './operations';

/**
 * `npm run dashboard:codegen`: rewrites the dashboard's API schema and typed operations.
 * With `--check`: writes nothing, names the stale files and exits 1 if any.
 */
async function main(): Promise<void> {
  const schema = apiSchemaOf();
  const files = [
    { path: DASHBOARD_SCHEMA_PATH, content: schema },
    { path: DASHBOARD_TYPES_PATH, content: await generateDashboardTypes(schema) },
  ];
  if (process.argv.includes('--check')) {
    const stale = files.filter((f) => readFileSync(f.path, 'utf8') !== f.content);
    for (const f of stale) process.stdout.write(`stale: ${f.path} (run npm run dashboard:codegen)\n`);
    process.exitCode = stale.length > 0 ? 1 : 0;
    return;
  }
  for (const f of files) {
    writeFileSync(f.path, f.content);
    process.stdout.write(`wrote ${f.path}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
