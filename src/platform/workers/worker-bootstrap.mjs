// The first module of every worker thread: a TypeScript entry (the source tree run through tsx, as in
// `npm start` and the tests) needs tsx's loader in the worker too, since Node does not pass the main
// thread's loader on; a JavaScript entry (a build run by plain node) is imported as is.
import { workerData } from 'node:worker_threads';

const entry = workerData?.entry;
if (typeof entry !== 'string') throw new Error('worker started without an entry module');
if (/\.[cm]?tsx?$/.test(new URL(entry).pathname)) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
