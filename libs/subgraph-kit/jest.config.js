module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'subgraph-kit',
  rootDir: __dirname,
};
