import { createWorkerRunner, type WorkerLimits, type WorkerRunner } from '../../../platform/workers/run-in-worker.js';
import type { FileKind } from './file-types.js';
import { MAX_EXTRACTED_CHARS, type CutReason, type ExtractionResult } from './text-extraction.js';

/**
 * Text extraction of an upload, away from the request: in a worker thread with a time limit and a
 * memory limit (text-extraction.ts itself limits pages, characters and unpacked size). It runs before
 * the request's database transaction opens, so a slow file holds neither the event loop nor a
 * connection. When a limit stops the work, the pages read so far are kept and the text is marked.
 */

export interface ExtractionJob {
  readonly kind: FileKind;
  readonly bytes: Uint8Array;
}

export const DEFAULT_EXTRACTION_LIMITS: WorkerLimits = { timeoutMs: 30_000, maxHeapMb: 256, maxWorkers: 2 };

/** The line that ends a text that was cut short, so that a reader of the search index sees it. */
const CUT_MARKS: Readonly<Record<CutReason, string>> = {
  pages: `[Texten är avkortad: bara de första sidorna lästes för sökning.]`,
  chars: `[Texten är avkortad: bara de första ${MAX_EXTRACTED_CHARS} tecknen sparades för sökning.]`,
  size: `[Texten lästes inte: filen packas upp till mer än gränsen.]`,
  time: `[Texten är avkortad: läsningen tog längre tid än gränsen.]`,
  memory: `[Texten är avkortad: läsningen krävde mer minne än gränsen.]`,
};

export function markCut(text: string, cut: CutReason | undefined): string {
  if (!cut) return text;
  return text === '' ? CUT_MARKS[cut] : `${text}\n\n${CUT_MARKS[cut]}`;
}

export interface TextExtractor {
  extract(job: ExtractionJob): Promise<ExtractionResult>;
  /** Extractions running now. */
  running(): number;
  close(): Promise<void>;
}

export function createTextExtractor(limits: WorkerLimits = DEFAULT_EXTRACTION_LIMITS): TextExtractor {
  const runner: WorkerRunner<ExtractionJob, string, ExtractionResult> = createWorkerRunner(new URL(`./extraction.worker${moduleExtension()}`, import.meta.url), limits);
  return {
    async extract(job) {
      // A copy, so that the caller's buffer (stored next) is neither shared nor detached.
      const bytes = new Uint8Array(job.bytes);
      const outcome = await runner.run({ kind: job.kind, bytes }, [bytes.buffer]);
      if (outcome.ok) return outcome.result;
      const cut: CutReason | undefined = outcome.stop === 'crash' ? undefined : outcome.stop;
      const text = outcome.progress.join('\n').slice(0, MAX_EXTRACTED_CHARS);
      return cut ? { text, ok: false, error: outcome.error, cut } : { text: '', ok: false, error: outcome.error };
    },
    running: () => runner.running(),
    close: () => runner.close(),
  };
}

let shared: TextExtractor | undefined;

/** The process's extractor: its worker limit counts every upload of the process together. */
export function sharedTextExtractor(): TextExtractor {
  shared ??= createTextExtractor();
  return shared;
}

/** `.ts` when this runs from source under tsx, `.js` in a build: the worker is its sibling either way. */
function moduleExtension(): string {
  return /\.ts$/.test(new URL(import.meta.url).pathname) ? '.ts' : '.js';
}
