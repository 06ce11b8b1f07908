// Shared Jest settings: SWC with decorator metadata (type-graphql and MikroORM need it), one
// embedded PostgreSQL for the run (global setup), node environment.
const { join } = require('node:path');

// the repository's SWC options (tools/bin/swc-options.js), with the source maps inline for Jest
const swc = { ...require('./tools/bin/swc-options').swcOptions, sourceMaps: 'inline' };

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
  setupFiles: ['reflect-metadata'],
  globalSetup: join(__dirname, 'libs/testing/src/global-setup.ts'),
  globalTeardown: join(__dirname, 'libs/testing/src/global-teardown.ts'),
  testTimeout: 60_000,
  // Database-bound test files overlap well: use both cores even where Jest would pick one.
  maxWorkers: 2,
};
