import { randomBytes } from 'node:crypto';
import { dropProvisionedDatabase, provisionDatabase } from '@switchboard/postgres';

/** The test cluster's server URL (set by the Jest global setup). */
export function testServerUrl(): string {
  const url = process.env.SWITCHBOARD_TEST_SERVER_URL;
  if (!url) throw new Error('SWITCHBOARD_TEST_SERVER_URL is not set: run tests through jest (global setup)');
  return url;
}

export interface TestDatabase {
  /** As the service role: rows only, this database only (what a running subgraph connects as). */
  url: string;
  /** As the database's owner: what migrations run as. */
  ownerUrl: string;
  drop: () => Promise<void>;
}

/**
 * A fresh, empty database for one test file, with its own owner and service roles as `npm start`
 * makes them (see provisionDatabase), so every test runs with the privileges production has.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const password = (): string => randomBytes(18).toString('base64url');
  const access = await provisionDatabase(testServerUrl(), name, { owner: password(), service: password() });
  return {
    url: access.serviceUrl,
    ownerUrl: access.ownerUrl,
    drop: () => dropProvisionedDatabase(testServerUrl(), name),
  };
}
