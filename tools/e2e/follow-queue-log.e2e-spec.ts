import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseQueueLog } from '@switchboard/traffic';
import { clientToken } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

const CLI = resolve(__dirname, '..', 'bin', 'switchboard.js');
const Q = 'FOLLOW-Q';
const line = (epoch: number, callid: string, agent: string, event: string, ...data: string[]): string =>
  [String(epoch), callid, Q, agent, event, ...data].join('|');

describe('switchboard follow queue_log', () => {
  let stack: TestStack;
  let dir: string;
  beforeAll(async () => {
    stack = await startTestStack();
    dir = mkdtempSync(join(tmpdir(), 'switchboard-follow-'));
  });
  afterAll(async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const sql = <T>(text: string): Promise<T[]> =>
    stack.subgraphs.traffic.orm.em.fork().getConnection().execute<T[]>(text);
  const until = async (probe: () => Promise<boolean>, ms = 20_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const follow = async (
    file: string,
  ): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number> }> => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        '--gateway',
        stack.gatewayUrl,
        'follow',
        'queue_log',
        file,
        '--poll',
        '100',
        '--source',
        'follow',
      ],
      { env: { ...process.env, SWITCHBOARD_TOKEN: await clientToken() } },
    );
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number>((r) => child.on('exit', (code) => r(code ?? -1)));
    return { child, output: () => out, exited };
  };
  const contacts = (): Promise<{ external_id: string }[]> =>
    sql(`select external_id from contact where source = 'follow' order by external_id`);
  const waiting = (): Promise<{ external_id: string; answered_at: string | null }[]> =>
    sql(`select external_id, answered_at from live_contact where source = 'follow' order by external_id`);

  it('keeps going through a restart, a rotation, a truncation and garbage, and reports what it set aside', async () => {
    const file = join(dir, 'queue_log');
    const written: string[] = [];
    const write = (target: string, lines: string[]): void => {
      appendFileSync(target, lines.map((l) => `${l}\n`).join(''));
      written.push(...lines);
    };
    writeFileSync(file, '');
    write(file, [
      line(1777860000, 'NONE', 'PJSIP/20001', 'ADDMEMBER', ''),
      line(1777860001, 'f-1', 'NONE', 'ENTERQUEUE', '', '13800000001', '1'),
      'this is not a queue_log line',
      line(1777860010, 'f-1', 'PJSIP/20001', 'CONNECT', '9', 'f-1.1', '2'),
    ]);
    let follower = await follow(file);
    await until(async () => (await waiting()).some((c) => c.external_id === 'f-1' && c.answered_at !== null));
    follower.child.kill('SIGTERM');
    expect(await follower.exited).toBe(0);

    // Lines written while it is stopped: the restart resumes (the open call f-1 included).
    write(file, [
      line(1777860100, 'f-1', 'PJSIP/20001', 'COMPLETECALLER', '9', '90', '1'),
      line(1777860110, 'f-2', 'NONE', 'ENTERQUEUE', '', '13800000002', '1'),
    ]);
    follower = await follow(file);
    await until(async () => (await contacts()).some((c) => c.external_id === 'f-1'));
    await until(async () => (await waiting()).some((c) => c.external_id === 'f-2'));

    // Rotation: the old file gets one more line after the rename; the new file starts with garbage.
    renameSync(file, `${file}.1`);
    write(`${file}.1`, [line(1777860130, 'f-2', 'NONE', 'ABANDON', '1', '1', '20')]);
    write(file, [
      '1777860140|broken',
      line(1777860150, 'f-3', 'NONE', 'ENTERQUEUE', '', '13800000003', '1'),
      line(1777860155, 'f-3', 'PJSIP/20001', 'CONNECT', '5', 'f-3.1', '2'),
      line(1777860255, 'f-3', 'PJSIP/20001', 'COMPLETEAGENT', '5', '100', '1'),
    ]);
    await until(async () => (await contacts()).length === 3);

    // Truncation (copytruncate): the file starts again.
    truncateSync(file, 0);
    await new Promise((r) => setTimeout(r, 400));
    write(file, [
      line(1777860300, 'f-4', 'NONE', 'ENTERQUEUE', '', '13800000004', '1'),
      line(1777860302, 'f-4', 'NONE', 'ABANDON', '1', '1', '2'),
    ]);
    await until(async () => (await contacts()).length === 4);
    follower.child.kill('SIGTERM');
    expect(await follower.exited).toBe(0);

    // The contact records are the file import's (same parser, same keys), nothing waits any more.
    const expected = parseQueueLog(written.join('\n'), { source: 'follow' }).contacts;
    const stored = await sql<{ external_id: string; outcome: string; agent: string | null }>(
      `select external_id, outcome, agent from contact where source = 'follow' order by external_id`,
    );
    expect(stored).toEqual(
      expected
        .map((c) => ({ external_id: c.externalId, outcome: c.outcome, agent: c.agent }))
        .sort((a, b) => a.external_id.localeCompare(b.external_id)),
    );
    expect(await waiting()).toEqual([]);
    expect(follower.output()).toMatch(/rotated/);
    expect(follower.output()).toMatch(/truncated/);
    expect(follower.output()).toMatch(/set aside 1/);
    const setAside = readFileSync(`${file}.rejected.ndjson`, 'utf8').trim().split('\n');
    expect(setAside.map((l) => (JSON.parse(l) as { text?: string }).text)).toEqual([
      'this is not a queue_log line',
      '1777860140|broken',
    ]);
  });
});
