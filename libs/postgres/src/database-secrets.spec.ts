import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSecrets, withStoredPassword } from './database-secrets';

describe('database passwords (issue 17)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes one per role on first use, readable by its owner alone, and reads it again later', () => {
    const first = new DatabaseSecrets(join(dir, 'secrets'));
    const staff = first.password('switchboard_staff');
    expect(staff).toMatch(/^[\w-]{32}$/);
    expect(first.password('switchboard_qa')).not.toBe(staff);
    expect(statSync(join(dir, 'secrets', 'switchboard_staff')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(new DatabaseSecrets(join(dir, 'secrets')).password('switchboard_staff')).toBe(staff);
  });

  it('makes none in a read-only folder (container secrets): a missing one is an error naming the file', () => {
    expect(() => new DatabaseSecrets(dir, false).password('switchboard_kpi')).toThrow(
      `no password for database role switchboard_kpi: put one in ${join(dir, 'switchboard_kpi')}`,
    );
  });

  it('fills in the password of a URL that names a role and no password', () => {
    const password = new DatabaseSecrets(dir).password('switchboard_staff');
    expect(withStoredPassword('postgres://switchboard_staff@db:5432/switchboard_staff', dir)).toBe(
      `postgres://switchboard_staff:${password}@db:5432/switchboard_staff`,
    );
    expect(withStoredPassword('postgres://u:given@db/x', dir)).toBe('postgres://u:given@db/x');
    expect(withStoredPassword('postgres://unknown@db/x', dir)).toBe('postgres://unknown@db/x');
    expect(withStoredPassword('postgres://switchboard_staff@db/x', undefined)).toBe(
      'postgres://switchboard_staff@db/x',
    );
  });
});
