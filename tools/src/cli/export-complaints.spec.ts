import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportComplaints } from './export-complaints';
import { CliError } from './gateway-client';

describe('switchboard export complaints', () => {
  let server: Server;
  let gatewayUrl: string;
  const asked: { url: string; authorization?: string }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'export-complaints-'));

  beforeAll(async () => {
    server = createServer((request, response) => {
      asked.push({ url: request.url ?? '', authorization: request.headers.authorization });
      if (request.headers.authorization !== 'Bearer good') {
        response.writeHead(403, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ type: 'error', code: 'FORBIDDEN', message: 'exportComplaints needs a role' }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'text/csv', 'x-report-rows': '1' });
      response.end('case_no,outcome\nC2026-000001,UPHELD\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    gatewayUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks the gateway for the month with the token and writes the CSV as it came', async () => {
    const out = join(dir, 'nov.csv');
    const lines: string[] = [];
    const code = await exportComplaints({ gatewayUrl, token: 'good' }, { month: '2026-11', out }, (l) =>
      lines.push(l),
    );
    expect(code).toBe(0);
    expect(asked.at(-1)).toEqual({ url: '/export/complaints?month=2026-11', authorization: 'Bearer good' });
    expect(readFileSync(out, 'utf8')).toBe('case_no,outcome\nC2026-000001,UPHELD\n');
    expect(lines).toEqual([`1 complaint(s) of 2026-11 written to ${out}`]);
  });

  it('writes nothing when refused, and says why', async () => {
    const out = join(dir, 'refused.csv');
    await expect(
      exportComplaints({ gatewayUrl, token: 'bad' }, { month: '2026-11', out }, () => {}),
    ).rejects.toThrow(/HTTP 403.*needs a role/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a month that is not YYYY-MM before asking', async () => {
    const before = asked.length;
    await expect(exportComplaints({ gatewayUrl }, { month: '2026-13' }, () => {})).rejects.toBeInstanceOf(
      CliError,
    );
    expect(asked.length).toBe(before);
  });
});
