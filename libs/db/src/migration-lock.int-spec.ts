import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, withDatabase } from '@switchboard/postgres';
import { withMigrationLock } from './migration-lock';

// The test cluster of the Jest global setup (libs/testing is not imported: it depends on this lib).
function freshDatabaseUrl(label: string): string {
  const server = process.env.SWITCHBOARD_TEST_SERVER_URL;
  if (!server) throw new Error('SWITCHBOARD_TEST_SERVER_URL is not set: run tests through jest');
  return withDatabase(server, `t_${label}_${randomBytes(4).toString('hex')}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withMigrationLock', () => {
  const url = freshDatabaseUrl('migration_lock');
  const other = freshDatabaseUrl('migration_lock_other');

  beforeAll(async () => {
    await ensureDatabase(url);
    await ensureDatabase(other);
  });
  afterAll(async () => {
    await dropDatabase(url);
    await dropDatabase(other);
  });

  it('lets one holder of a database work at a time; the next starts when the first ends', async () => {
    const events: string[] = [];
    const holder = (name: string, ms: number) =>
      withMigrationLock(url, async () => {
        events.push(`${name} in`);
        await pause(ms);
        events.push(`${name} out`);
        return name;
      });
    const first = holder('first', 400);
    await pause(100); // first holds the lock by now
    const second = holder('second', 10);
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    expect(events).toEqual(['first in', 'first out', 'second in', 'second out']);
  });

  it('releases the lock when the work fails', async () => {
    await expect(withMigrationLock(url, () => Promise.reject(new Error('migration failed')))).rejects.toThrow(
      'migration failed',
    );
    await expect(withMigrationLock(url, () => Promise.resolve('again'))).resolves.toBe('again');
  });

  it('does not make another database wait', async () => {
    const events: string[] = [];
    await withMigrationLock(url, async () => {
      await withMigrationLock(other, async () => {
        events.push('other database');
      });
    });
    expect(events).toEqual(['other database']);
  });
});
