import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { clientToken, postGraphQL } from '@switchboard/testing';
import { startTestStack, type TestStack } from './stack';

const run = promisify(execFile);
const CLI = resolve(__dirname, '..', 'bin', 'switchboard.js');

const HEADER =
  'source,external_id,channel,direction,queue,agent,customer_key,arrived_at,answered_at,ended_at,hold_seconds,acw_seconds,outcome,transferred,wrapup_code';
/** Times without an offset: read in Asia/Shanghai (UTC+8) with --timezone. */
const CSV_ROWS = [
  'pbx,1,VOICE,INBOUND,IMP-Q,E10001,C1,2026-05-04 10:00:00,2026-05-04 10:00:15,2026-05-04 10:05:15,30,15,ANSWERED,false,',
  'pbx,2,VOICE,INBOUND,IMP-Q,E10002,C2,2026-05-04 10:01:00,2026-05-04 10:01:25,2026-05-04 10:04:25,0,20,ANSWERED,true,',
  'pbx,3,VOICE,INBOUND,IMP-Q,,C3,2026-05-04 10:02:00,,2026-05-04 10:02:03,,,ABANDONED,false,',
  'pbx,4,VOICE,INBOUND,IMP-Q,,C4,2026-05-04 10:03:00,,2026-05-04 10:03:50,,,ABANDONED,false,',
  'pbx,5,VOICE,INBOUND,IMP-Q,E10001,C1,not-a-date,,2026-05-04 10:04:00,,,ABANDONED,false,',
  'pbx,6,FAX,INBOUND,IMP-Q,,C6,2026-05-04 10:04:00,,2026-05-04 10:04:30,,,ABANDONED,false,',
];

/** Three calls in an Asterisk queue_log: answered by PJSIP/10003, abandoned, answered by Agent/10004. */
const QUEUE_LOG = [
  '1777860000|c-1|IMP-AST|NONE|ENTERQUEUE||13800000001|1',
  '1777860012|c-1|IMP-AST|PJSIP/10003|CONNECT|12|c-1.1|3',
  '1777860192|c-1|IMP-AST|PJSIP/10003|COMPLETECALLER|12|180|1',
  '1777860060|c-2|IMP-AST|NONE|ENTERQUEUE||13800000002|1',
  '1777860090|c-2|IMP-AST|NONE|ABANDON|1|1|30',
  '1777860100|c-3|IMP-AST|NONE|ENTERQUEUE||13800000003|1',
  '1777860106|c-3|IMP-AST|Agent/10004|CONNECT|6|c-3.1|2',
  '1777860226|c-3|IMP-AST|Agent/10004|COMPLETEAGENT|6|120|1',
];

describe('switchboard import contacts', () => {
  let stack: TestStack;
  let dir: string;

  beforeAll(async () => {
    stack = await startTestStack();
    dir = mkdtempSync(join(tmpdir(), 'switchboard-import-'));
  });
  afterAll(async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run(
        process.execPath,
        [CLI, '--gateway', stack.gatewayUrl, 'import', 'contacts', ...args],
        { env: { ...process.env, SWITCHBOARD_TOKEN: await clientToken() } },
      );
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout + failed.stderr };
    }
  };
  const hourStats = (queueCode: string, from: string, to: string) =>
    postGraphQL<{ trafficStats: Record<string, number | string | null>[] }>(
      stack.gatewayUrl,
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: TOTAL, groupBy: [QUEUE]) {
        queueCode offered answered abandoned shortAbandoned serviceLevel asaSeconds ahtSeconds transferRate } }`,
      { f: { from, to, queueCodes: [queueCode] } },
    );

  it('imports a canonical CSV in a time zone, reports bad rows beside the file, and is idempotent', async () => {
    const file = join(dir, 'contacts.csv');
    writeFileSync(file, [HEADER, ...CSV_ROWS].join('\n'));
    const first = await cli(file, '--timezone', 'Asia/Shanghai');
    expect(first.stdout).toContain('read 6, inserted 4, duplicates 0, rejected 2');
    expect(first.code).toBe(1);
    expect(readFileSync(join(dir, 'contacts.rejected.csv'), 'utf8')).toBe(
      'line,field,reason\n6,arrived_at,must be an ISO-8601 timestamp\n7,channel,"must be one of VOICE, CHAT, WECHAT, APP, SMS, EMAIL, VIDEO"\n',
    );
    const again = await cli(file, '--timezone', 'Asia/Shanghai');
    expect(again.stdout).toContain('read 6, inserted 0, duplicates 4, rejected 2');
    // 10:00 Shanghai = 02:00 UTC. Offered 4, answered 2 (waits 15, 25), abandoned 2 (3 s short, 50 s)
    // SL = 1 (15 s) / (4 - 1) ; ASA = 20 ; AHT = ((300 + 15) + (180 + 20)) / 2 = 257.5 ; transfers 1/2
    const stats = await hourStats('IMP-Q', '2026-05-04T02:00:00Z', '2026-05-04T03:00:00Z');
    expect(stats.data?.trafficStats).toEqual([
      {
        queueCode: 'IMP-Q',
        offered: 4,
        answered: 2,
        abandoned: 2,
        shortAbandoned: 1,
        serviceLevel: 1 / 3,
        asaSeconds: 20,
        ahtSeconds: 257.5,
        transferRate: 0.5,
      },
    ]);
  });

  it('imports an Asterisk queue_log: calls become contacts, agents named by their channel', async () => {
    const file = join(dir, 'queue_log');
    writeFileSync(file, `${QUEUE_LOG.join('\n')}\n`);
    const result = await cli(file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('read 3, inserted 3, duplicates 0, rejected 0');
    // 1777860000 = 2026-05-04T02:00:00Z. Waits 12 (answered), 30 (abandoned), 6 (answered)
    const stats = await hourStats('IMP-AST', '2026-05-04T02:00:00Z', '2026-05-04T03:00:00Z');
    expect(stats.data?.trafficStats).toEqual([
      {
        queueCode: 'IMP-AST',
        offered: 3,
        answered: 2,
        abandoned: 1,
        shortAbandoned: 0,
        serviceLevel: 2 / 3,
        asaSeconds: 9,
        ahtSeconds: 150,
        transferRate: 0,
      },
    ]);
    const agents = await postGraphQL<{ trafficStats: { employeeNo: string; answered: number }[] }>(
      stack.gatewayUrl,
      `query($f: StatsFilter!) { trafficStats(filter: $f, granularity: TOTAL, groupBy: [AGENT]) { employeeNo answered } }`,
      { f: { from: '2026-05-04T02:00:00Z', to: '2026-05-04T03:00:00Z', queueCodes: ['IMP-AST'] } },
    );
    expect(agents.data?.trafficStats.filter((r) => r.answered > 0)).toEqual([
      { employeeNo: '10003', answered: 1 },
      { employeeNo: '10004', answered: 1 },
    ]);
  });

  // issue 17: "read 3" for 6 lines, the valid rows after an unclosed quote dropped unreported
  it('an unclosed quote costs its own line: the rows after it land, and the report accounts for every line', async () => {
    const file = join(dir, 'open-quote.csv');
    const row = (id: number) =>
      `oq,${id},VOICE,INBOUND,IMP-OQ,,C${id},2026-05-04 10:0${id}:00,,2026-05-04 10:0${id}:30,,,ABANDONED,false,`;
    writeFileSync(file, [HEADER, row(1), row(2), 'oq,3,VOICE,"INBOUND,IMP-OQ', row(4), row(5)].join('\r\n'));
    const result = await cli(file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('read 5, inserted 4, duplicates 0, rejected 1');
    expect(result.stdout).toContain('lines 6');
    expect(readFileSync(join(dir, 'open-quote.rejected.csv'), 'utf8')).toBe(
      'line,field,reason\n4,line,is not valid CSV: a quoted field is not closed\n',
    );
  });

  it('refuses a bad format or time zone before reading the file', async () => {
    const file = join(dir, 'x.csv');
    writeFileSync(file, HEADER);
    const format = await cli(file, '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.stdout).toContain('--format must be one of csv, ndjson, queue_log');
    const zone = await cli(file, '--timezone', 'Mars/Base');
    expect(zone.code).toBe(2);
    expect(zone.stdout).toContain('timezone: must be an IANA time zone');
  });
});
