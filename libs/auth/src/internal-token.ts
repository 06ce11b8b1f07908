import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from './auth-errors';
import { secretFromEnv } from './env-secret';
import { identityClaims, identityFromClaims, type Identity } from './identity';

/**
 * Gateway -> subgraph tokens. The gateway signs with its private Ed25519 key; subgraphs hold only
 * the public key, so a compromised subgraph cannot mint tokens for another. Each token names one
 * subgraph as its audience and lives under a minute.
 */
export const INTERNAL_TOKEN_ISSUER = 'switchboard-gateway';
export const INTERNAL_TOKEN_TTL_SECONDS = 30;

export const GATEWAY_KEY_ENV = {
  privateKey: 'SWITCHBOARD_GATEWAY_PRIVATE_KEY',
  publicKey: 'SWITCHBOARD_GATEWAY_PUBLIC_KEY',
} as const;

export interface InternalIdentity extends Identity {
  requestId?: string;
}

export function generateGatewayKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function requiredPem(env: NodeJS.ProcessEnv, name: string): string {
  const value = secretFromEnv(env, name);
  if (!value?.includes('-----BEGIN'))
    throw new Error(`${name} (or ${name}_FILE) must hold a PEM key (see README, "Access")`);
  return value;
}

export type InternalTokenSigner = (identity: InternalIdentity, subgraph: string) => Promise<string>;

export function createInternalTokenSigner(env: NodeJS.ProcessEnv = process.env): InternalTokenSigner {
  const key: KeyObject = createPrivateKey(requiredPem(env, GATEWAY_KEY_ENV.privateKey));
  return (identity, subgraph) =>
    new SignJWT({ ...identityClaims(identity), ...(identity.requestId ? { rid: identity.requestId } : {}) })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setSubject(identity.subject)
      .setAudience(subgraph)
      .setIssuedAt()
      .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
      .sign(key);
}

export type InternalTokenVerifier = (token: string) => Promise<InternalIdentity>;

/** A subgraph's check: signed by the gateway, for this subgraph, not expired. */
export function createInternalTokenVerifier(
  subgraph: string,
  env: NodeJS.ProcessEnv = process.env,
): InternalTokenVerifier {
  const key = createPublicKey(requiredPem(env, GATEWAY_KEY_ENV.publicKey));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['EdDSA'],
        issuer: INTERNAL_TOKEN_ISSUER,
        audience: subgraph,
        clockTolerance: 5,
        maxTokenAge: INTERNAL_TOKEN_TTL_SECONDS + 5,
      });
      if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no subject');
      const requestId = typeof payload.rid === 'string' ? payload.rid : undefined;
      return { ...identityFromClaims(payload), ...(requestId ? { requestId } : {}) };
    } catch {
      throw unauthenticated('This service answers the gateway only');
    }
  };
}
