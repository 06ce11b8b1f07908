// `npm test` runs every project in one Jest run (one embedded PostgreSQL for all of them).
module.exports = {
  projects: [
    '<rootDir>/apps/*/jest.config.js',
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/tools/jest.config.js',
  ],
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  testTimeout: 60_000,
  maxWorkers: 2, // see jest.preset.js
};
