import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { clientToken, postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', 'bin', 'switchboard.js');

/** The real `switchboard` binary against the gateway, as an HR officer would run it. */
describe('switchboard import roster', () => {
  let stack: TestStack;
  let dir: string;

  beforeAll(async () => {
    stack = await startTestStack();
    dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-'));
  });
  afterAll(async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, '--gateway', stack.gatewayUrl, ...args], {
        env: { ...process.env, SWITCHBOARD_TOKEN: await clientToken() },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  const roster = (name: string, rows: string[]): string => {
    const path = join(dir, name);
    writeFileSync(
      path,
      ['employee_no,display_name,team,role,career_level,hire_date,skills', ...rows].join('\n'),
    );
    return path;
  };

  it('imports a clean file, then reports it unchanged on a rerun', async () => {
    const file = roster('clean.csv', [
      'CLI-1,Zhao Lei,SHA-CARDS-1,AGENT,2,2026-01-05,CARDS:3;MANDARIN:4',
      'CLI-2,"Sun, Mei",SHA-LOANS,SENIOR_AGENT,4,2025-07-01,LOANS:5',
    ]);
    const first = await cli('import', 'roster', file);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('read 2, inserted 2, updated 0, unchanged 0, rejected 0');
    const again = await cli('import', 'roster', file);
    expect(again.stdout).toContain('read 2, inserted 0, updated 0, unchanged 2, rejected 0');
    const agent = await postGraphQL<{ agent: { displayName: string; team: { code: string } } }>(
      stack.gatewayUrl,
      '{ agent(employeeNo: "CLI-2") { displayName team { code } } }',
    );
    expect(agent.data?.agent).toEqual({ displayName: 'Sun, Mei', team: { code: 'SHA-LOANS' } });
  });

  it('validates without writing on a dry run, exiting 0 when every row is good', async () => {
    const file = roster('dry.csv', ['CLI-DRY,Dry Run,SHA-CARDS-1,AGENT,1,2026-02-02,CARDS:2']);
    const result = await cli('import', 'roster', file, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run: nothing was written.');
    const agent = await postGraphQL(stack.gatewayUrl, '{ agent(employeeNo: "CLI-DRY") { id } }');
    expect(agent.data?.agent).toBeNull();
  });

  it('writes nothing from a file with a bad row, reports the reasons next to the input, and exits 1', async () => {
    const file = roster('bad.csv', [
      'CLI-3,Good Row,SHA-CARDS-1,AGENT,2,2026-01-05,CARDS:3',
      'CLI-4,Bad Row,NO-SUCH-TEAM,AGENT,2,2026-01-05,',
    ]);
    const result = await cli('import', 'roster', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('read 2, inserted 0, updated 0, unchanged 0, rejected 1');
    expect(result.stdout).toContain('Nothing was written');
    expect(readFileSync(join(dir, 'bad.rejected.csv'), 'utf8')).toBe(
      'row,employee_no,field,reason\n3,CLI-4,team,"no team with code ""NO-SUCH-TEAM"""\n',
    );
    const good = await postGraphQL(stack.gatewayUrl, '{ agent(employeeNo: "CLI-3") { id } }');
    expect(good.data?.agent).toBeNull();

    const skipped = await cli('import', 'roster', file, '--skip-invalid-rows');
    expect(skipped.stdout).toContain('inserted 1');
    const now = await postGraphQL(stack.gatewayUrl, '{ agent(employeeNo: "CLI-3") { employeeNo } }');
    expect(now.data?.agent).toEqual({ employeeNo: 'CLI-3' });
  });

  it('says clearly when the file or the stack cannot be used (exit 2)', async () => {
    const missing = await cli('import', 'roster', join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    const noColumn = join(dir, 'nocol.csv');
    writeFileSync(noColumn, 'name\nx\n');
    const structural = await cli('import', 'roster', noColumn);
    expect(structural.code).toBe(2);
    expect(structural.stderr).toContain('BAD_USER_INPUT');
    expect(structural.stderr).toContain('employee_no');
    const down = await run(process.execPath, [
      CLI,
      '--gateway',
      'http://127.0.0.1:9/graphql',
      'import',
      'roster',
      noColumn,
    ]).catch((e: { code: number; stderr: string }) => e);
    expect(down).toMatchObject({ code: 2 });
    expect((down as { stderr: string }).stderr).toContain('cannot reach the gateway');
  });
});
