// Preloaded into the api by the realtime bench only (node --expose-gc --require heap-probe.cjs):
// on SIGUSR2 it runs full GCs and writes process.memoryUsage() to $BENCH_HEAP_FILE, so the bench
// can read the api's live heap without any debug endpoint in the api itself.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_HEAP_FILE;
if (file && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    // Twice: the first pass can leave objects that only the next finalises.
    global.gc();
    global.gc();
    writeFileSync(file, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
  });
}
