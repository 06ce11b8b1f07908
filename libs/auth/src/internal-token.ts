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
const CLOCK_TOLERANCE_SECONDS = 5;

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

/** Signed tokens kept for reuse (one per caller and subgraph), and verified tokens kept by a verifier. */
export const INTERNAL_TOKEN_CACHE_ENTRIES = 5000;

/**
 * A token without a request id (the gateway sends the request id as `x-request-id`) is reused for
 * the same caller and subgraph while it has more than half its life left: an Ed25519 signature per
 * subgraph fetch was about 0.15 ms of the gateway's CPU, 11 of them per agent page (issue 23). A
 * token carrying a request id is signed afresh.
 */
export function createInternalTokenSigner(env: NodeJS.ProcessEnv = process.env): InternalTokenSigner {
  const key: KeyObject = createPrivateKey(requiredPem(env, GATEWAY_KEY_ENV.privateKey));
  const sign = (identity: InternalIdentity, subgraph: string) =>
    new SignJWT({ ...identityClaims(identity), ...(identity.requestId ? { rid: identity.requestId } : {}) })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setSubject(identity.subject)
      .setAudience(subgraph)
      .setIssuedAt()
      .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
      .sign(key);
  const kept = new Map<string, { token: Promise<string>; reuseUntil: number }>();
  return (identity, subgraph) => {
    if (identity.requestId) return sign(identity, subgraph);
    const cacheKey = JSON.stringify([subgraph, identity.subject, identityClaims(identity)]);
    const now = Date.now();
    const hit = kept.get(cacheKey);
    if (hit && hit.reuseUntil > now) return hit.token;
    const token = sign(identity, subgraph);
    if (hit) kept.delete(cacheKey);
    else if (kept.size >= INTERNAL_TOKEN_CACHE_ENTRIES) kept.delete(kept.keys().next().value as string);
    kept.set(cacheKey, { token, reuseUntil: now + (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2 });
    token.catch(() => kept.delete(cacheKey));
    return token;
  };
}

export type InternalTokenVerifier = (token: string) => Promise<InternalIdentity>;

/**
 * A subgraph's check: signed by the gateway, for this subgraph, not expired. A token verified once
 * is kept (by its exact text) until it expires, so a reused token costs a map lookup, not a
 * signature check; it is still refused once expired.
 */
export function createInternalTokenVerifier(
  subgraph: string,
  env: NodeJS.ProcessEnv = process.env,
): InternalTokenVerifier {
  const key = createPublicKey(requiredPem(env, GATEWAY_KEY_ENV.publicKey));
  const verified = new Map<string, { identity: InternalIdentity; validUntil: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit) {
      if (Date.now() < hit.validUntil) return { ...hit.identity };
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['EdDSA'],
        issuer: INTERNAL_TOKEN_ISSUER,
        audience: subgraph,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: INTERNAL_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
      });
      if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no subject');
      const requestId = typeof payload.rid === 'string' ? payload.rid : undefined;
      const identity = { ...identityFromClaims(payload), ...(requestId ? { requestId } : {}) };
      // kept no longer than its expiry and its age allow, without the clock tolerance: a kept
      // answer never outlives the one jwtVerify would give (which is asked again after that)
      const validUntil =
        Math.min(payload.exp ?? Infinity, (payload.iat ?? 0) + INTERNAL_TOKEN_TTL_SECONDS) * 1000;
      if (verified.size >= INTERNAL_TOKEN_CACHE_ENTRIES)
        verified.delete(verified.keys().next().value as string);
      verified.set(token, { identity, validUntil });
      return { ...identity };
    } catch {
      throw unauthenticated('This service answers the gateway only');
    }
  };
}
