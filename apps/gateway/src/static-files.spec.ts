import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticFiles } from './static-files';

describe('staticFiles', () => {
  let dir: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-files-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'static-files-secret.txt'), 'secret');
    const serve = staticFiles(dir);
    server = createServer((request, response) => void serve(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'static-files-secret.txt'), { force: true });
  });

  it('serves a file with its type, hashed assets cached for good', async () => {
    const response = await fetch(`${origin}/assets/app-1a2b.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers any other path with index.html, never cached', async () => {
    for (const path of ['/', '/team/42', '/assets/missing.js']) {
      const response = await fetch(`${origin}${path}`);
      expect({ path, status: response.status, body: await response.text() }).toEqual({
        path,
        status: 200,
        body: '<div id="root"></div>',
      });
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('never leaves its folder', async () => {
    for (const path of [
      '/../static-files-secret.txt',
      '/%2e%2e/static-files-secret.txt',
      '/..%2fstatic-files-secret.txt',
    ]) {
      const response = await fetch(`${origin}${path}`);
      expect(await response.text()).toBe('<div id="root"></div>');
    }
  });

  it('refuses a path that is not valid percent-encoding', async () => {
    expect((await fetch(`${origin}/%E0%A4%A`)).status).toBe(400);
  });

  it('refuses writes', async () => {
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
