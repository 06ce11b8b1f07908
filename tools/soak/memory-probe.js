'use strict';
// Preloaded by the soak into every service (NODE_OPTIONS=--expose-gc --require this file): on
// SIGUSR2 a process runs a full garbage collection and writes its memory use to
// $SOAK_MEMORY_DIR/<pid>.json, so the soak can tell live heap (a leak keeps it growing) from RSS
// (which also holds what V8 keeps reserved after collecting).
const { renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const v8 = require('node:v8');

const dir = process.env.SOAK_MEMORY_DIR;
if (dir && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    global.gc();
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const file = join(dir, `${process.pid}.json`);
    writeFileSync(
      `${file}.tmp`,
      JSON.stringify({
        at: Date.now(),
        rss,
        heapTotal,
        heapUsed,
        external,
        arrayBuffers,
        // where the rest of RSS goes: V8's malloc'd memory (compiler zones) and each space's size
        v8: v8.getHeapStatistics(),
        spaces: Object.fromEntries(
          v8
            .getHeapSpaceStatistics()
            .map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]),
        ),
      }),
    );
    renameSync(`${file}.tmp`, file);
  });
}
