/**
 * Imported first by each benchmark, before GraphQL and Apollo load: they read NODE_ENV once, and the
 * deployed services run with NODE_ENV=production (Dockerfile, docker-compose.yml), where graphql-js
 * skips its development-only checks (such as its cross-realm instanceOf test on every type check).
 */
process.env.NODE_ENV ??= 'production';

export {};
