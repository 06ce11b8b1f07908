import { forbidden } from './auth-errors';
import { signDevelopmentToken, type ClientTokenConfig } from './client-token';
import { hasRole, type Identity, type Role } from './identity';

/**
 * Service identities (docs/DESIGN.md, "Service identities"): each subgraph calls the gateway as
 * `service:<name>` with the roles BI_READER (its reads, bank-wide aggregates, never PII) and SERVICE
 * (accepted only by the few mutations that name it: recordIngestBatch, openServiceRecovery).
 */
export const SERVICE_SUBJECT_PREFIX = 'service:';
export const SERVICE_ROLES: readonly Role[] = ['BI_READER', 'SERVICE'];

export function serviceIdentity(subgraph: string): Identity {
  return {
    subject: `${SERVICE_SUBJECT_PREFIX}${subgraph}`,
    roles: [...SERVICE_ROLES],
    centers: [],
    teams: [],
  };
}

/** The calling service's name (`staff` of `service:staff`) when the caller is a service, else null. */
export function callingService(identity: Identity): string | null {
  if (!hasRole(identity, 'SERVICE') || !identity.subject.startsWith(SERVICE_SUBJECT_PREFIX)) return null;
  const name = identity.subject.slice(SERVICE_SUBJECT_PREFIX.length);
  return /^[a-z][a-z0-9-]{0,62}$/.test(name) ? name : null;
}

/**
 * Refuses a caller that is neither a service nor one of `humans` (FORBIDDEN, naming the action): the
 * guard of a mutation that accepts services. Returns the service's name (null: a human caller).
 */
export function requireServiceOrRole(
  identity: Identity,
  humans: readonly Role[],
  action: string,
): string | null {
  const service = callingService(identity);
  if (service) return service;
  if (hasRole(identity, ...humans)) return null;
  throw forbidden(`${action} needs a service identity or one of the roles ${humans.join(', ')}`);
}

/** A development token for a subgraph's own calls through the gateway (npm start, the e2e stacks). */
export function signServiceToken(
  subgraph: string,
  config: ClientTokenConfig & { expiresIn?: string },
): Promise<string> {
  return signDevelopmentToken(serviceIdentity(subgraph), config);
}
