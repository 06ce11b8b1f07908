import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DASHBOARD_SCHEMA_PATH } from './dashboard-paths';
import { apiSchemaOf, checkedOperations } from './operations';

const root = resolve(__dirname, '..', '..', '..');

/** The dashboard is typed against today's supergraph: a stale file fails here (fix: npm run dashboard:codegen). */
describe('dashboard API schema and typed operations', () => {
  it('the committed API schema is the supergraph without its federation internals', () => {
    const schema = apiSchemaOf();
    expect(readFileSync(DASHBOARD_SCHEMA_PATH, 'utf8')).toBe(schema);
    expect(schema).toContain('performance(');
    expect(schema).not.toMatch(/join__|_entities|_service|@link/);
  });

  it('the committed operation types are what codegen makes of the dashboard operations', async () => {
    const run = promisify(execFile);
    const result = await run(
      process.execPath,
      ['tools/bin/run.js', 'tools/src/dashboard/dashboard-codegen.ts', '--check'],
      { cwd: root },
    ).catch((error: { stdout?: string; code?: number }) => ({
      stdout: error.stdout ?? '',
      code: error.code,
    }));
    expect(result.stdout).toBe('');
  }, 120_000);

  it('refuses an operation the API does not have', () => {
    expect(() => checkedOperations('type Query { nothing: Int }')).toThrow(/do not fit the API/);
    expect(() => checkedOperations(apiSchemaOf())).not.toThrow();
  });
});
