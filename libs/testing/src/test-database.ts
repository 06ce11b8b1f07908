import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '@switchboard/postgres';

/** The test cluster's server URL (set by the Jest global setup). */
export function testServerUrl(): string {
  const url = process.env.SWITCHBOARD_TEST_SERVER_URL;
  if (!url) throw new Error('SWITCHBOARD_TEST_SERVER_URL is not set: run tests through jest (global setup)');
  return url;
}

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A fresh, empty database for one test file. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(testServerUrl(), name);
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
