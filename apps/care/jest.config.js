module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'care',
  rootDir: __dirname,
};
