import type { IncomingMessage, ServerResponse } from 'node:http';
import { signDevelopmentToken, type ClientTokenConfig, type Identity } from '@switchboard/auth';

export const DEVELOPMENT_TOKENS_PATH = '/dev/tokens';

/**
 * Whether demo sign-in may be offered: only with the embedded setup's shared secret, never with a
 * production identity provider (a JWKS URL) nor under NODE_ENV=production.
 */
export function developmentTokensAllowed(
  config: ClientTokenConfig,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return Boolean(config.secret) && !config.jwksUrl && env.NODE_ENV !== 'production';
}

/** How long a token from /dev/tokens lives: a working day, never longer. */
export const DEVELOPMENT_TOKEN_LIFETIME = '12h';

/** Whether a request came from this machine (the demo's browser), not over the network. */
export function fromLoopback(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? '';
  return /^(127\.|::1$|::ffff:127\.)/.test(address);
}

/**
 * GET /dev/tokens: a fresh token per demo identity, `[{ label, token }]`, for the dashboard's
 * sign-in. Only to this machine: a gateway listening on every interface hands no tokens to the
 * network (404, as if the route did not exist).
 */
export function developmentTokensRoute(
  config: ClientTokenConfig,
  identities: Record<string, Identity>,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    if (!fromLoopback(request)) {
      response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const tokens = await Promise.all(
      Object.entries(identities).map(async ([label, identity]) => ({
        label,
        token: await signDevelopmentToken(identity, { ...config, expiresIn: DEVELOPMENT_TOKEN_LIFETIME }),
      })),
    );
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(JSON.stringify(tokens));
  };
}
