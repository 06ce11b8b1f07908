import { join, resolve } from 'node:path';
import {
  CLIENT_TOKEN_ENV,
  developmentJwtSecret,
  isRole,
  ROLES,
  signDevelopmentToken,
  type Identity,
} from '@switchboard/auth';
import { CliError } from './gateway-client';

export { ROLES };

export interface TokenOptions {
  role: string[];
  center: string[];
  team: string[];
  agent?: string;
  subject?: string;
  expires: string;
}

/** commander's accumulator for repeatable options. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

const SECONDS_PER: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Development tokens live hours, never months: a leaked one is worth a day at most. */
export const MAX_DEVELOPMENT_TOKEN_SECONDS = 24 * 3600;

const DEFAULT_DATA_DIR = resolve(__dirname, '..', '..', '..', '.data');

/**
 * `switchboard token`: a development token signed with SWITCHBOARD_JWT_SECRET, or with the secret
 * `npm start` keeps in .data/keys. Production tokens come from the identity provider instead.
 */
export async function developmentToken(
  options: TokenOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  if (!options.role.length) throw new CliError(`--role: required; one of ${ROLES.join(', ')}`);
  const unknown = options.role.filter((role) => !isRole(role));
  if (unknown.length) throw new CliError(`--role: unknown ${unknown.join(', ')}; one of ${ROLES.join(', ')}`);
  const lifetime = /^(\d+)([smhd])$/.exec(options.expires);
  if (!lifetime) throw new CliError('--expires: a number and s, m, h or d, e.g. 12h');
  if (Number(lifetime[1]) * SECONDS_PER[lifetime[2]] > MAX_DEVELOPMENT_TOKEN_SECONDS)
    throw new CliError(
      `--expires: at most ${MAX_DEVELOPMENT_TOKEN_SECONDS / 3600}h (development tokens live hours)`,
    );
  const roles = options.role.filter(isRole);
  if (roles.includes('AGENT') && !options.agent)
    throw new CliError('--agent: an AGENT token names the agent');
  if (roles.includes('CENTER_MANAGER') && !options.center.length)
    throw new CliError('--center: a CENTER_MANAGER token names at least one center');
  if (roles.includes('TEAM_LEAD') && !options.team.length)
    throw new CliError('--team: a TEAM_LEAD token names at least one team');
  const secret =
    env[CLIENT_TOKEN_ENV.secret] || developmentJwtSecret(env.SWITCHBOARD_DATA_DIR ?? DEFAULT_DATA_DIR);
  if (!secret)
    throw new CliError(
      `no signing secret: set ${CLIENT_TOKEN_ENV.secret}, or run npm start once (it keeps one in ${join('.data', 'keys')})`,
    );
  const identity: Identity = {
    subject:
      options.subject ??
      ['dev', ...roles, ...options.center, ...options.team, options.agent ?? ''].filter(Boolean).join(':'),
    roles,
    centers: options.center,
    teams: options.team,
    ...(options.agent ? { employeeNo: options.agent } : {}),
  };
  return signDevelopmentToken(identity, { secret, expiresIn: options.expires });
}
