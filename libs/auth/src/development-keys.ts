import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_TOKEN_ENV } from './client-token';
import { GATEWAY_KEY_ENV, generateGatewayKeyPair } from './internal-token';

const FILES = {
  privateKey: 'gateway-ed25519.key',
  publicKey: 'gateway-ed25519.pub',
  jwtSecret: 'jwt-secret',
  carePiiKey: 'care-pii.key',
} as const;

/**
 * The embedded setup's keys, made on first start and kept in `<dataDir>/keys` (readable by the
 * owner only): the gateway's Ed25519 pair, the shared secret for development tokens and care's key for
 * customer PII at rest. Values
 * already in `env` win, so an operator's own keys are never replaced.
 */
export function developmentKeyEnv(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = (name: string) => join(dir, name);
  if (!existsSync(path(FILES.privateKey)) || !existsSync(path(FILES.publicKey))) {
    const pair = generateGatewayKeyPair();
    writeFileSync(path(FILES.privateKey), pair.privateKeyPem, { mode: 0o600 });
    writeFileSync(path(FILES.publicKey), pair.publicKeyPem, { mode: 0o644 });
  }
  if (!existsSync(path(FILES.jwtSecret))) {
    writeFileSync(path(FILES.jwtSecret), randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  if (!existsSync(path(FILES.carePiiKey))) {
    writeFileSync(path(FILES.carePiiKey), randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  const read = (name: string) => readFileSync(path(name), 'utf8').trim();
  return {
    [GATEWAY_KEY_ENV.privateKey]: env[GATEWAY_KEY_ENV.privateKey] || read(FILES.privateKey),
    [GATEWAY_KEY_ENV.publicKey]: env[GATEWAY_KEY_ENV.publicKey] || read(FILES.publicKey),
    [CLIENT_TOKEN_ENV.secret]: env[CLIENT_TOKEN_ENV.secret] || read(FILES.jwtSecret),
    // care's key for customers' names and phones at rest (AES-256-GCM)
    SWITCHBOARD_CARE_PII_KEY: env.SWITCHBOARD_CARE_PII_KEY || read(FILES.carePiiKey),
  };
}

/** The development token secret of a data directory, if `npm start` has made one there. */
export function developmentJwtSecret(dataDir: string): string | undefined {
  const file = join(dataDir, 'keys', FILES.jwtSecret);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
