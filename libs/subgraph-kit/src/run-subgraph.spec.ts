import { migrationModeFromEnv } from './run-subgraph';

describe('migrationModeFromEnv (SWITCHBOARD_MIGRATE)', () => {
  it('migrates at start by default, as npm start and docker compose expect', () => {
    expect(migrationModeFromEnv({})).toBe('start');
    expect(migrationModeFromEnv({ SWITCHBOARD_MIGRATE: 'true' })).toBe('start');
  });

  it('false leaves migrations to another process; only migrates and exits', () => {
    expect(migrationModeFromEnv({ SWITCHBOARD_MIGRATE: 'false' })).toBe('skip');
    expect(migrationModeFromEnv({ SWITCHBOARD_MIGRATE: ' ONLY ' })).toBe('only');
  });

  it('refuses anything else rather than guessing', () => {
    expect(() => migrationModeFromEnv({ SWITCHBOARD_MIGRATE: 'no' })).toThrow(/true, false or only/);
  });
});
