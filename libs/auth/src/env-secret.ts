import { readFileSync } from 'node:fs';

/**
 * A secret from the environment: `NAME` holds it, or `NAME_FILE` names a file holding it (the
 * Docker and Kubernetes secrets convention, and how multi-line PEM keys reach a container).
 */
export function secretFromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  if (value) return value;
  const file = env[`${name}_FILE`];
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new Error(`${name}_FILE: cannot read ${file}`);
  }
}
