import type { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { decodeJwt } from 'jose';
import { developmentTokensAllowed, developmentTokensRoute } from './development-tokens';

const SECRET = 'x'.repeat(32);

describe('developmentTokensAllowed', () => {
  it('offers demo sign-in with the embedded secret only', () => {
    expect(developmentTokensAllowed({ secret: SECRET }, {})).toBe(true);
    expect(developmentTokensAllowed({}, {})).toBe(false);
  });

  it('never with a production identity provider or in production', () => {
    expect(developmentTokensAllowed({ secret: SECRET, jwksUrl: 'https://idp.example/jwks' }, {})).toBe(false);
    expect(developmentTokensAllowed({ secret: SECRET }, { NODE_ENV: 'production' })).toBe(false);
  });
});

/** Calls the route as a request from `remoteAddress` would; returns the status and body. */
async function ask(remoteAddress: string): Promise<{ status: number; body: string }> {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: remoteAddress });
  const request = { socket, url: '/dev/tokens', method: 'GET', headers: {} } as unknown as IncomingMessage;
  let status = 0;
  let body = '';
  const response = {
    writeHead: (code: number) => {
      status = code;
      return response;
    },
    end: (text: string) => {
      body = text;
    },
  } as unknown as ServerResponse;
  const route = developmentTokensRoute(
    { secret: SECRET },
    { ADMIN: { subject: 'dev:admin', roles: ['ADMIN'], centers: [], teams: [] } },
  );
  await route(request, response);
  socket.destroy();
  return { status, body };
}

describe('GET /dev/tokens (issue 17)', () => {
  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])(
    'answers this machine (%s) with tokens living hours',
    async (address) => {
      const { status, body } = await ask(address);
      expect(status).toBe(200);
      const [{ token }] = JSON.parse(body) as { token: string }[];
      const claims = decodeJwt(token);
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(12 * 3600);
    },
  );

  it.each(['10.0.0.5', '192.168.1.20', '::ffff:10.1.2.3', '2001:db8::1'])(
    'hands no token to the network (%s)',
    async (address) => {
      const { status, body } = await ask(address);
      expect(status).toBe(404);
      expect(body).not.toContain('token');
    },
  );
});
