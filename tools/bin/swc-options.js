'use strict';
// How the repository's TypeScript becomes JavaScript outside Jest: at run time (register.js, under
// `npm start`, the CLI and the benches) and ahead of time (the production build), the same way:
// decorator metadata on (type-graphql and MikroORM read it), CommonJS, class names kept.
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
  swcrc: false,
  configFile: false,
};

module.exports = { swcOptions };
