import { createServer } from 'node:http';
import { KEEP_ALIVE_TIMEOUT_MS, listen, REQUEST_TIMEOUT_MS } from './http-server';

describe('listen', () => {
  it('keeps idle connections longer than clients do, and tells them so', async () => {
    const running = await listen(
      createServer((_request, response) => response.end('ok')),
      0,
    );
    try {
      const response = await fetch(`http://127.0.0.1:${running.port}/`);
      await response.text();
      expect(response.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
      expect(running.server.headersTimeout).toBeGreaterThan(running.server.keepAliveTimeout);
    } finally {
      await running.stop(100);
    }
  });

  it('takes a request body for up to two hours (a file import of millions of rows), not Node’s 300 s; headers still bounded', async () => {
    const running = await listen(
      createServer((_request, response) => response.end('ok')),
      0,
    );
    try {
      expect(running.server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
      expect(running.server.headersTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS + 1_000);
    } finally {
      await running.stop(100);
    }
  });
});
