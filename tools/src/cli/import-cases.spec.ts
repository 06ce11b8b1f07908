import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCases } from './import-cases';

/** A gateway stand-in: records what it was sent and answers as care's route does. */
describe('switchboard import cases', () => {
  let server: Server;
  let url = '';
  const seen: { path: string; body: string; auth: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ path: request.url ?? '', body, auth: request.headers.authorization });
        response.writeHead(200, { 'content-type': 'application/x-ndjson' });
        response.write(
          `${JSON.stringify({ type: 'rejected', line: 3, field: 'contacts', reason: 'no contact pbx:x in traffic' })}\n`,
        );
        response.end(
          `${JSON.stringify({ type: 'report', read: 2, inserted: 1, unchanged: 0, commitments: 1, rejected: 1 })}\n`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('streams the file to /import/cases with its format, prints the report, writes the reasons, exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cases-'));
    const file = join(dir, 'crm.ndjson');
    writeFileSync(file, '{"crm_source":"s"}\n{"crm_source":"t"}\n');
    const printed: string[] = [];
    const code = await importCases({ gatewayUrl: url, token: 'T' }, file, {}, (line) => printed.push(line));
    expect(seen.at(-1)).toEqual({
      path: '/import/cases?format=ndjson',
      body: '{"crm_source":"s"}\n{"crm_source":"t"}\n',
      auth: 'Bearer T',
    });
    expect(printed.join('\n')).toContain(
      'read 2, cases inserted 1 (with a commitment: 1), already imported 0, rejected 1',
    );
    expect(readFileSync(join(dir, 'crm.rejected.csv'), 'utf8')).toBe(
      'line,field,reason\n3,contacts,no contact pbx:x in traffic\n',
    );
    expect(code).toBe(1);
  });
});
