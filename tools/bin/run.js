#!/usr/bin/env node
'use strict';
// node tools/bin/run.js <file.ts> [args...]: runs a TypeScript entry point of this repo.
const { resolve } = require('node:path');
require('./runtime').ensureSupportedRuntime();
require('./register');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/bin/run.js <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...args];
require(resolve(entry));
