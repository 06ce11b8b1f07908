import {
  CLIENT_TOKEN_ENV,
  createInternalTokenSigner,
  GATEWAY_KEY_ENV,
  generateGatewayKeyPair,
  signDevelopmentToken,
  type Identity,
} from '@switchboard/auth';

/** Tests act as an administrator unless they say otherwise. */
export const TEST_ADMIN: Identity = { subject: 'test-admin', roles: ['ADMIN'], centers: [], teams: [] };

/**
 * Keys for a test run: the global setup calls this once and Jest hands the environment to every
 * worker, so subgraphs, gateways and test clients in one run trust the same keys.
 */
export function ensureTestKeys(env: NodeJS.ProcessEnv = process.env): void {
  if (!env[GATEWAY_KEY_ENV.privateKey] || !env[GATEWAY_KEY_ENV.publicKey]) {
    const pair = generateGatewayKeyPair();
    env[GATEWAY_KEY_ENV.privateKey] = pair.privateKeyPem;
    env[GATEWAY_KEY_ENV.publicKey] = pair.publicKeyPem;
  }
  env[CLIENT_TOKEN_ENV.secret] ||= 'switchboard-test-secret-0123456789abcdef';
  // care's customer-PII key (32 bytes, base64)
  env.SWITCHBOARD_CARE_PII_KEY ||= Buffer.alloc(32, 7).toString('base64');
}

type Endpoint = { kind: 'subgraph'; name: string } | { kind: 'gateway' };

const endpoints = new Map<string, Endpoint>();

/** Remembers what listens at a URL, so test requests to it carry the right kind of token. */
export function registerTestEndpoint(url: string, endpoint: Endpoint): void {
  endpoints.set(new URL(url).origin, endpoint);
}

/** A development token for the gateway, as `switchboard token` makes one. */
export function clientToken(identity: Identity = TEST_ADMIN, expiresIn?: string): Promise<string> {
  ensureTestKeys();
  return signDevelopmentToken(identity, { secret: process.env[CLIENT_TOKEN_ENV.secret], expiresIn });
}

/** A token as the gateway mints it for one subgraph. */
export function subgraphToken(subgraph: string, identity: Identity = TEST_ADMIN): Promise<string> {
  ensureTestKeys();
  return createInternalTokenSigner()(identity, subgraph);
}

/** `authorization` header for a request to `url` as `identity`: a gateway or a subgraph token. */
export async function authorizationFor(
  url: string,
  identity: Identity = TEST_ADMIN,
): Promise<Record<string, string>> {
  const endpoint = endpoints.get(new URL(url).origin);
  if (!endpoint) return {};
  const token =
    endpoint.kind === 'gateway' ? await clientToken(identity) : await subgraphToken(endpoint.name, identity);
  return { authorization: `Bearer ${token}` };
}
