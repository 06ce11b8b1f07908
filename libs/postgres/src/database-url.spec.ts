import { databaseName, databaseUrlFor, migrationDatabaseUrlFor, withDatabase } from './database-url';

describe('database URLs', () => {
  it('gives each subgraph its own database on the DATABASE_URL server', () => {
    expect(
      databaseUrlFor('staff', { DATABASE_URL: 'postgres://u:p%40ss@db:5432/postgres?sslmode=require' }),
    ).toBe('postgres://u:p%40ss@db:5432/switchboard_staff?sslmode=require');
  });

  it('prefers the per-subgraph URL', () => {
    expect(
      databaseUrlFor('staff', { DATABASE_URL: 'postgres://db/x', STAFF_DATABASE_URL: 'postgres://other/hr' }),
    ).toBe('postgres://other/hr');
  });

  it('says which variable to set when none is', () => {
    expect(() => databaseUrlFor('qa', {})).toThrow('Set DATABASE_URL (or QA_DATABASE_URL)');
  });

  it('reads and replaces the database name', () => {
    expect(databaseName(withDatabase('postgres://h:5/a', 'b c'))).toBe('b c');
  });

  it("runs migrations as the owner's URL when one is given, else as the service's own", () => {
    const env = {
      STAFF_DATABASE_URL: 'postgres://switchboard_staff:a@db/switchboard_staff',
      STAFF_MIGRATION_DATABASE_URL: 'postgres://switchboard_staff_owner:b@db/switchboard_staff',
    };
    expect(migrationDatabaseUrlFor('staff', env)).toBe(env.STAFF_MIGRATION_DATABASE_URL);
    expect(migrationDatabaseUrlFor('staff', { STAFF_DATABASE_URL: env.STAFF_DATABASE_URL })).toBe(
      env.STAFF_DATABASE_URL,
    );
  });
});
