import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretFromEnv } from '@switchboard/auth';

/**
 * A customer's name and phone at rest: AES-256-GCM with the key in SWITCHBOARD_CARE_PII_KEY (or a
 * file named by SWITCHBOARD_CARE_PII_KEY_FILE), 32 bytes in base64 or base64url. `npm start` makes
 * one under .data/keys (developmentKeyEnv); tests get one from ensureTestKeys. A stored value is
 * version byte 1 ‖ 12-byte IV ‖ 16-byte tag ‖ ciphertext; the customer key is the additional
 * authenticated data, so a value copied onto another customer does not decrypt.
 */
export const CARE_PII_KEY_ENV = 'SWITCHBOARD_CARE_PII_KEY';

const VERSION = 1;

function piiKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const value = secretFromEnv(env, CARE_PII_KEY_ENV);
  const key = value ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (key.length !== 32)
    throw new Error(`${CARE_PII_KEY_ENV} (or ${CARE_PII_KEY_ENV}_FILE) must hold 32 bytes in base64`);
  return key;
}

/** Whether a PII key is configured (the demo seed writes no names without one). */
export function piiKeyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(secretFromEnv(env, CARE_PII_KEY_ENV));
}

export function encryptPii(plain: string, customerKey: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', piiKey(), iv);
  cipher.setAAD(Buffer.from(customerKey));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function decryptPii(stored: Buffer, customerKey: string): string {
  if (stored[0] !== VERSION) throw new Error('customer PII: unknown encryption version');
  const decipher = createDecipheriv('aes-256-gcm', piiKey(), stored.subarray(1, 13));
  decipher.setAAD(Buffer.from(customerKey));
  decipher.setAuthTag(stored.subarray(13, 29));
  return Buffer.concat([decipher.update(stored.subarray(29)), decipher.final()]).toString('utf8');
}
