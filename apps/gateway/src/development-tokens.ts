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

/** GET /dev/tokens: a fresh token per demo identity, `[{ label, token }]`, for the dashboard's sign-in. */
export function developmentTokensRoute(
  config: ClientTokenConfig,
  identities: Record<string, Identity>,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (_request, response) => {
    const tokens = await Promise.all(
      Object.entries(identities).map(async ([label, identity]) => ({
        label,
        token: await signDevelopmentToken(identity, config),
      })),
    );
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(JSON.stringify(tokens));
  };
}
