/** The worker thread that reads the text of one upload at a time (see extract-isolated.ts). */
import { parentPort } from 'node:worker_threads';
import type { WorkerMessage } from '../../../platform/workers/run-in-worker.js';
import { extractText, type ExtractionResult } from './text-extraction.js';
import type { ExtractionJob } from './extract-isolated.js';

const port = parentPort;
if (!port) throw new Error('extraction.worker.ts runs only as a worker thread');

port.on('message', (job: ExtractionJob) => {
  void extractText({
    kind: job.kind,
    bytes: job.bytes,
    onPage: (text) => port.postMessage({ final: false, progress: text } satisfies WorkerMessage<string, ExtractionResult>),
  }).then((result) => port.postMessage({ final: true, result } satisfies WorkerMessage<string, ExtractionResult>));
});
