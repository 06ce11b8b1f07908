module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'qa',
  rootDir: __dirname,
};
