// A worker for run-in-worker.test.ts, in plain JavaScript (the path a build run by node takes).
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (job) => {
  if (job === 'echo') {
    parentPort?.postMessage({ final: false, progress: 'first' });
    parentPort?.postMessage({ final: true, result: `echo from ${process.pid}` });
  } else if (job === 'spin') {
    parentPort?.postMessage({ final: false, progress: 'started' });
    for (;;);
  } else if (job === 'hog') {
    const kept = [];
    for (;;) kept.push(new Array(100_000).fill(kept.length));
  }
});
