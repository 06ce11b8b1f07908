import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  // issue 17: a directory gave a stack trace (exit 3), an empty file a report of nothing
  it.each(['roster', 'lms', 'contacts'])(
    'import %s: a directory, a missing file or an empty file gets a clear message and exit 2',
    async (kind) => {
      const folder = join(dir, `folder-${kind}`);
      mkdirSync(folder, { recursive: true });
      const empty = join(dir, `empty-${kind}.csv`);
      writeFileSync(empty, '');
      const cases: [string, string][] = [
        [folder, 'it is a directory, not a file'],
        [join(dir, `missing-${kind}.csv`), 'there is no such file'],
        [empty, 'the file is empty'],
      ];
      for (const [path, message] of cases) {
        const result = await cli('import', kind, path);
        expect({ path, code: result.code, stderr: result.stderr.trim() }).toEqual({
          path,
          code: 2,
          stderr: `switchboard: cannot read ${path}: ${message}${message.endsWith('empty') ? ', there is nothing to import' : ''}`,
        });
      }
    },
  );

  // issue 17: a valid 9,000-row roster was refused by the gateway's 1 MB body limit
  it("streams a roster over 1 MB, and a bad line is its row's problem, by line", async () => {
    const rows = Array.from(
      { length: 9_000 },
      (_, i) => `CLI-BIG-${i},Agent Number ${i} ${'x'.repeat(80)},SHA-CARDS-1,AGENT,2,2026-01-05,CARDS:3`,
    );
    const big = roster('big.csv', rows);
    expect(readFileSync(big).length).toBeGreaterThan(1024 * 1024);
    const result = await cli('import', 'roster', big, '--dry-run');
    expect(result.stdout).toContain('read 9000, inserted 0, updated 0, unchanged 0, rejected 0');
    expect(result.code).toBe(0);

    const path = join(dir, 'broken.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from(
          'employee_no,display_name,team,hire_date,shoe_size\r\nCLI-OK,Fine,SHA-CARDS-1,2026-01-05,42\r\n',
        ),
        Buffer.from('CLI-L1,Caf\xe9,SHA-CARDS-1,2026-01-05,41\r\n', 'latin1'),
        Buffer.from('CLI-Q,"Open,SHA-CARDS-1,2026-01-05,40\r\nCLI-OK2,Fine Too,SHA-CARDS-1,2026-01-05,39'),
      ]),
    );
    const broken = await cli('import', 'roster', path);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('read 4, inserted 0, updated 0, unchanged 0, rejected 2');
    expect(broken.stdout).toContain('ignored columns the import does not know: shoe_size');
    expect(readFileSync(join(dir, 'broken.rejected.csv'), 'utf8')).toBe(
      'row,employee_no,field,reason\n' +
        '3,,line,is not UTF-8 text (save or export the file as UTF-8)\n' +
        '4,,line,is not valid CSV: a quoted field is not closed\n',
    );
  });

  it.each(['/import/roster', '/import/lms'])(
    '%s at the gateway: no token is 401, a reader is 403, before the file is read',
    async (route) => {
      const body = 'employee_no,display_name,hire_date\nCLI-DENIED,No One,2026-01-05\n';
      const anonymous = await fetch(new URL(route, stack.gatewayUrl), { method: 'POST', body });
      expect(anonymous.status).toBe(401);
      const reader = await fetch(new URL(route, stack.gatewayUrl), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await clientToken({ subject: 'bi', roles: ['BI_READER'], centers: [], teams: [] })}`,
        },
        body,
      });
      expect(reader.status).toBe(403);
      expect(await reader.json()).toMatchObject({ code: 'FORBIDDEN' });
      const agent = await postGraphQL(stack.gatewayUrl, '{ agent(employeeNo: "CLI-DENIED") { id } }');
      expect(agent.data?.agent).toBeNull();
    },
  );

  it('import lms: streams exam results through the gateway, all or nothing', async () => {
    const gql = (query: string, variables?: Record<string, unknown>) =>
      postGraphQL<Record<string, { id: string }>>(stack.gatewayUrl, query, variables);
    const course = await gql(
      'mutation { createCourse(input: { code: "CLI-LMS", title: "Cards basics", category: PRODUCT_KNOWLEDGE, hours: 1 }) { id } }',
    );
    await gql(
      'mutation($c: ID!) { createExam(input: { courseId: $c, code: "CLI-LMS-X", passMark: 80, maxAttempts: 3 }) { id } }',
      {
        c: course.data?.createCourse.id,
      },
    );
    const agents = await postGraphQL<{ agents: { nodes: { employeeNo: string }[] } }>(
      stack.gatewayUrl,
      '{ agents(first: 1, filter: { statuses: [ACTIVE] }) { nodes { employeeNo } } }',
    );
    const agent = agents.data?.agents.nodes[0]?.employeeNo ?? 'none';
    const path = join(dir, 'lms.csv');
    writeFileSync(
      path,
      `attempt_id,employee_no,exam,score,taken_on\ncli-1,${agent},CLI-LMS-X,90,2026-01-05\ncli-2,${agent},CLI-LMS-X,95,2026-01-05,extra\n`,
    );
    const strict = await cli('import', 'lms', path, '--source', 'CLI');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('read 2, inserted 0');
    expect(readFileSync(join(dir, 'lms.rejected.csv'), 'utf8')).toBe(
      'row,employee_no,field,reason\n3,,line,"has 6 fields, the header 5"\n',
    );
    const lenient = await cli('import', 'lms', path, '--source', 'CLI', '--skip-invalid-rows');
    expect(lenient.stdout).toContain('read 2, inserted 1, duplicates 0, rejected 1');
  });
});
