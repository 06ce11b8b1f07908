'use strict';
// Preloaded by tools/bench/dashboard/heap-profile.ts into every service (NODE_OPTIONS=--require this
// file, HEAP_PROFILE_DIR set): the first SIGWINCH starts V8's sampling heap profiler (every
// allocation, collected or not; HEAP_PROFILE_LIVE=1: only what is still alive at the end) and a
// sampler of the heap spaces every 100 ms; the second writes $HEAP_PROFILE_DIR/<pid>.heapprofile
// (Chrome DevTools opens it) and <pid>.spaces.json (each space's largest size, and the spaces at the
// largest RSS seen), in MiB; with HEAP_PROFILE_SNAPSHOT=1 a heap snapshot too (<pid>.heapsnapshot).
const inspector = require('node:inspector');
const v8 = require('node:v8');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.HEAP_PROFILE_DIR;
const MIB = 1024 * 1024;
if (dir) {
  let session = null;
  let timer = null;
  let atPeak = null;
  let largest = {};
  const spaces = () =>
    Object.fromEntries(
      v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / MIB)]),
    );
  process.on('SIGWINCH', () => {
    if (!session) {
      session = new inspector.Session();
      session.connect();
      const everything = process.env.HEAP_PROFILE_LIVE !== '1';
      session.post('HeapProfiler.startSampling', {
        samplingInterval: Number(process.env.HEAP_PROFILE_INTERVAL || 65536),
        includeObjectsCollectedByMajorGC: everything,
        includeObjectsCollectedByMinorGC: everything,
      });
      atPeak = null;
      largest = {};
      timer = setInterval(() => {
        const rss = Math.round(process.memoryUsage.rss() / MIB);
        const now = spaces();
        for (const [name, size] of Object.entries(now)) largest[name] = Math.max(largest[name] ?? 0, size);
        if (!atPeak || rss > atPeak.rss) atPeak = { rss, spaces: now };
      }, 100);
      timer.unref();
      return;
    }
    clearInterval(timer);
    const done = session;
    session = null;
    done.post('HeapProfiler.stopSampling', (error, result) => {
      if (!error) writeFileSync(join(dir, `${process.pid}.heapprofile`), JSON.stringify(result.profile));
      writeFileSync(join(dir, `${process.pid}.spaces.json`), JSON.stringify({ atPeak, largest }));
      if (process.env.HEAP_PROFILE_SNAPSHOT === '1')
        v8.writeHeapSnapshot(join(dir, `${process.pid}.heapsnapshot`));
      done.disconnect();
    });
  });
}
