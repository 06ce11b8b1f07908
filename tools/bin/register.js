'use strict';
// Loads TypeScript sources at run time through SWC, with the repo's tsconfig (decorator metadata on).
const { join } = require('node:path');
process.env.SWC_NODE_PROJECT ??= join(__dirname, '..', '..', 'tsconfig.base.json');
process.env.LANG ??= 'C.UTF-8';
require('@swc-node/register');
require('reflect-metadata');
