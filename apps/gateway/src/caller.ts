import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { bearerToken, unauthenticated, type ClientTokenVerifier } from '@switchboard/auth';
import type { GatewayContext } from './gateway-context';

/**
 * Who is calling: the bearer token, verified. Nothing else the client sends says who they are:
 * identity travels to subgraphs only inside tokens the gateway mints, never in forwarded headers.
 */
export async function callerOf(
  request: IncomingMessage,
  verify: ClientTokenVerifier,
): Promise<GatewayContext> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw unauthenticated();
  const identity = await verify(token);
  const header = request.headers['x-request-id'];
  const requestId = (Array.isArray(header) ? header[0] : header) ?? randomUUID();
  return { identity, requestId: /^[\w.-]{1,100}$/.test(requestId) ? requestId : randomUUID() };
}
