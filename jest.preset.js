// Shared Jest settings: SWC with decorator metadata (type-graphql and MikroORM need it), one
// embedded PostgreSQL for the run (global setup), node environment.
const { join } = require('node:path');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

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
