'use strict';
// Loads the repository's TypeScript sources at run time through SWC, compiled as the production
// build compiles them (swc-options.js). Not @swc-node/register: it loads the TypeScript compiler
// (about 50 MiB of RSS and 16 MiB of live heap) into every process only to read tsconfig, and keeps
// each file's source map twice (inlined into the code V8 keeps, and in a map); issue 23 part 5,
// tools/bench/dashboard/PROFILE.md. Each map is kept once here, for stack traces.
const { transformSync } = require('@swc/core');
const { addHook } = require('pirates');
const sourceMapSupport = require('source-map-support');
const { swcOptions } = require('./swc-options');

process.env.LANG ??= 'C.UTF-8';

const sourceMaps = new Map();
sourceMapSupport.install({
  environment: 'node',
  handleUncaughtExceptions: false,
  retrieveSourceMap: (file) => (sourceMaps.has(file) ? { url: file, map: sourceMaps.get(file) } : null),
});
addHook(
  (source, filename) => {
    const { code, map } = transformSync(source, { ...swcOptions, filename });
    if (map) sourceMaps.set(filename, map);
    return code;
  },
  { exts: ['.ts'] },
);
require('reflect-metadata');
