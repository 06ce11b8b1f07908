module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'kpi',
  rootDir: __dirname,
};
