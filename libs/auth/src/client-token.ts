import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from './auth-errors';
import { secretFromEnv } from './env-secret';
import { identityClaims, identityFromClaims, type Identity } from './identity';

/**
 * How the gateway checks the tokens callers bring. Embedded default: one shared HS256 secret.
 * Production: the identity provider's JWKS URL, with its issuer and this API's audience.
 */
export interface ClientTokenConfig {
  secret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export const CLIENT_TOKEN_ENV = {
  secret: 'SWITCHBOARD_JWT_SECRET',
  jwksUrl: 'SWITCHBOARD_JWKS_URL',
  issuer: 'SWITCHBOARD_JWT_ISSUER',
  audience: 'SWITCHBOARD_JWT_AUDIENCE',
} as const;

export function clientTokenConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ClientTokenConfig {
  return {
    secret: secretFromEnv(env, CLIENT_TOKEN_ENV.secret) || undefined,
    jwksUrl: env[CLIENT_TOKEN_ENV.jwksUrl] || undefined,
    issuer: env[CLIENT_TOKEN_ENV.issuer] || undefined,
    audience: env[CLIENT_TOKEN_ENV.audience] || undefined,
  };
}

export type ClientTokenVerifier = (token: string) => Promise<Identity>;

const MIN_SECRET_LENGTH = 32;

export function createClientTokenVerifier(config: ClientTokenConfig): ClientTokenVerifier {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (config.jwksUrl) {
    // An identity provider serves many applications: only its tokens for this API may pass.
    if (!config.issuer || !config.audience)
      throw new Error(
        `${CLIENT_TOKEN_ENV.jwksUrl} needs ${CLIENT_TOKEN_ENV.issuer} and ${CLIENT_TOKEN_ENV.audience} too`,
      );
    key = createRemoteJWKSet(new URL(config.jwksUrl));
    algorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];
  } else if (config.secret) {
    if (config.secret.length < MIN_SECRET_LENGTH)
      throw new Error(`${CLIENT_TOKEN_ENV.secret} must be at least ${MIN_SECRET_LENGTH} characters`);
    key = new TextEncoder().encode(config.secret);
    algorithms = ['HS256'];
  } else {
    throw new Error(`set ${CLIENT_TOKEN_ENV.jwksUrl} (production) or ${CLIENT_TOKEN_ENV.secret} (embedded)`);
  }
  const options = {
    algorithms,
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: 5,
    requiredClaims: ['exp'], // a token that never expires is refused
  };
  return async (token) => {
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no subject');
      return identityFromClaims(payload);
    } catch {
      // Why a token failed (expired, bad signature, wrong audience) is logged by nobody and told to nobody.
      throw unauthenticated('The bearer token is not valid');
    }
  };
}

/** A development token signed with the embedded setup's shared secret (`switchboard token`). */
export async function signDevelopmentToken(
  identity: Identity,
  config: ClientTokenConfig & { expiresIn?: string },
): Promise<string> {
  if (!config.secret) throw new Error(`${CLIENT_TOKEN_ENV.secret} is not set`);
  let jwt = new SignJWT(identityClaims(identity))
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.subject)
    .setIssuedAt()
    .setExpirationTime(config.expiresIn ?? '12h');
  if (config.issuer) jwt = jwt.setIssuer(config.issuer);
  if (config.audience) jwt = jwt.setAudience(config.audience);
  return jwt.sign(new TextEncoder().encode(config.secret));
}
