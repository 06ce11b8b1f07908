module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'voc',
  rootDir: __dirname,
};
