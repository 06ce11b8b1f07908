'use strict';
// Preloaded by the soak into every service (NODE_OPTIONS=--expose-gc --require this file): on
// SIGUSR2 a process runs a full garbage collection and writes its memory use to
// $SOAK_MEMORY_DIR/<pid>.json, so the soak can tell live heap (a leak keeps it growing) from RSS
// (which also holds what V8 keeps reserved after collecting).
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.SOAK_MEMORY_DIR;
if (dir && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc();
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const file = join(dir, `${process.pid}.json`);
    writeFileSync(
      `${file}.tmp`,
      JSON.stringify({ at: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers }),
    );
    renameSync(`${file}.tmp`, file);
  });
}
