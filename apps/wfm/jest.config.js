module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'wfm',
  rootDir: __dirname,
};
