export { ROLES, isRole, hasRole, identityFromClaims, type Role, type Identity } from './identity';
export { unauthenticated, forbidden, bearerToken } from './auth-errors';
export {
  CLIENT_TOKEN_ENV,
  clientTokenConfigFromEnv,
  createClientTokenVerifier,
  signDevelopmentToken,
  type ClientTokenConfig,
  type ClientTokenVerifier,
} from './client-token';
export {
  GATEWAY_KEY_ENV,
  INTERNAL_TOKEN_TTL_SECONDS,
  generateGatewayKeyPair,
  createInternalTokenSigner,
  createInternalTokenVerifier,
  type InternalIdentity,
  type InternalTokenSigner,
  type InternalTokenVerifier,
} from './internal-token';
export { developmentKeyEnv, developmentJwtSecret } from './development-keys';
export { BANK_WIDE_ROLES, WRITERS, scopeClaims, requireRole, outsideScope, type ScopeClaims } from './access';
export { secretFromEnv } from './env-secret';
export {
  SERVICE_ROLES,
  SERVICE_SUBJECT_PREFIX,
  callingService,
  requireServiceOrRole,
  serviceIdentity,
  signServiceToken,
} from './service-identity';
