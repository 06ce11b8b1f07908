'use strict';
// The project runs on Node 24 LTS. npm scripts and `npx switchboard` already find the Node 24 that
// `npm install` brings (the `node` package, first on their PATH); a direct `node tools/bin/...` on an
// older Node (a machine's end-of-life Node 20) is handed to that same binary here, once.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const REQUIRED_MAJOR = 24;

function ensureSupportedRuntime() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= REQUIRED_MAJOR) return;
  const bundled = join(__dirname, '..', '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bundled)) {
    console.error(`Switchboard needs Node ${REQUIRED_MAJOR}; this is ${process.version} (run npm install).`);
    process.exit(1);
  }
  const result = spawnSync(bundled, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
}

module.exports = { ensureSupportedRuntime };
