import { createClientTokenVerifier } from '@switchboard/auth';
import { CliError } from './gateway-client';
import { developmentToken, type TokenOptions } from './token';

const secret = 'a-secret-for-the-token-command-0123456789';
const env = { SWITCHBOARD_JWT_SECRET: secret };
const options = (overrides: Partial<TokenOptions>): TokenOptions => ({
  role: [],
  center: [],
  team: [],
  expires: '12h',
  ...overrides,
});

describe('switchboard token', () => {
  it('signs a token the gateway accepts, with the roles and scopes asked for', async () => {
    const token = await developmentToken(
      options({ role: ['CENTER_MANAGER'], center: ['SHA-01', 'CTU-T1'] }),
      env,
    );
    expect(await createClientTokenVerifier({ secret })(token)).toEqual({
      subject: 'dev:CENTER_MANAGER:SHA-01:CTU-T1',
      roles: ['CENTER_MANAGER'],
      centers: ['SHA-01', 'CTU-T1'],
      teams: [],
    });
  });

  it.each([
    [options({}), '--role: required'],
    [options({ role: ['BOSS'] }), '--role: unknown BOSS'],
    [options({ role: ['AGENT'] }), '--agent'],
    [options({ role: ['CENTER_MANAGER'] }), '--center'],
    [options({ role: ['TEAM_LEAD'] }), '--team'],
    [options({ role: ['HR'], expires: 'forever' }), '--expires'],
    // issue 17: development tokens live hours, not years
    [options({ role: ['HR'], expires: '3650d' }), '--expires: at most 24h'],
    [options({ role: ['HR'], expires: '25h' }), '--expires: at most 24h'],
  ])('refuses %j naming the option', async (bad, message) => {
    const error = await developmentToken(bad, env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain(message);
  });

  it('says where the secret comes from when there is none', async () => {
    const error = await developmentToken(options({ role: ['HR'] }), {
      SWITCHBOARD_DATA_DIR: '/nonexistent',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toContain('SWITCHBOARD_JWT_SECRET');
  });
});
