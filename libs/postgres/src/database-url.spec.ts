import { databaseName, databaseUrlFor, withDatabase } from './database-url';

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
});
