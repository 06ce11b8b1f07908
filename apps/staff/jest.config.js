module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'staff',
  rootDir: __dirname,
};
