import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Runs CPU-heavy work on untrusted input (text extraction of uploads) in a worker thread, so the
 * event loop keeps serving other requests, with a time limit and a memory limit. The worker is
 * ended when a limit is hit; the next job gets a new one. One idle worker is kept for reuse, since
 * starting one (under tsx) costs far more than most jobs.
 */

/** Why a job stopped before its worker answered. */
export type WorkerStop = 'time' | 'memory' | 'crash';

export interface WorkerLimits {
  readonly timeoutMs: number;
  /** The worker's V8 heap (`resourceLimits.maxOldGenerationSizeMb`). */
  readonly maxHeapMb: number;
  /** Jobs run at once; more wait their turn, so that uploads together stay within memory. */
  readonly maxWorkers: number;
}

/** What the worker posted: progress messages, then one final message (`final: true`). */
export interface WorkerMessage<P, R> {
  readonly final: boolean;
  readonly progress?: P;
  readonly result?: R;
}

export type WorkerOutcome<P, R> = { readonly ok: true; readonly result: R; readonly progress: P[] } | { readonly ok: false; readonly stop: WorkerStop; readonly error: string; readonly progress: P[] };

const bootstrap = new URL('./worker-bootstrap.mjs', import.meta.url);

export interface WorkerRunner<J, P, R> {
  run(job: J, transfer?: ArrayBuffer[]): Promise<WorkerOutcome<P, R>>;
  /** Jobs running or waiting for a worker at this moment. */
  running(): number;
  close(): Promise<void>;
}

/** A runner for one worker module; `entry` is its URL (`new URL('./x.worker.ts', import.meta.url)`). */
export function createWorkerRunner<J, P, R>(entry: URL, limits: WorkerLimits): WorkerRunner<J, P, R> {
  let idle: Worker | undefined;
  let running = 0;
  const waiting: (() => void)[] = [];

  async function turn(): Promise<void> {
    if (running < limits.maxWorkers) {
      running += 1;
      return;
    }
    // The finishing job hands its place over: `running` stays counted.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }

  function spawn(): Worker {
    const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: Math.max(4, Math.ceil(limits.maxHeapMb / 8)) };
    // A preload written in TypeScript (a test runner's `--import x.ts`) cannot load in a plain-node worker.
    const execArgv = process.execArgv.filter((arg, i, all) => !arg.endsWith('.ts') && !(arg === '--import' && all[i + 1]?.endsWith('.ts')));
    return new Worker(bootstrap, { workerData: { entry: entry.href }, resourceLimits, stdout: false, stderr: false, execArgv });
  }

  async function run(job: J, transfer: ArrayBuffer[] = []): Promise<WorkerOutcome<P, R>> {
    await turn();
    const worker = takeIdle() ?? spawn();
    worker.ref();
    const progress: P[] = [];
    return new Promise<WorkerOutcome<P, R>>((resolve) => {
      let done = false;
      const onMessage = (message: WorkerMessage<P, R>) => {
        if (message.progress !== undefined) progress.push(message.progress);
        if (message.final) finish({ ok: true, result: message.result as R, progress }, true);
      };
      const onError = (error: Error & { code?: string }) => {
        const stop: WorkerStop = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
        finish({ ok: false, stop, error: error.message, progress }, false);
      };
      const onExit = (code: number) => finish({ ok: false, stop: 'crash', error: `worker exited with code ${code}`, progress }, false);
      const timer = setTimeout(() => finish({ ok: false, stop: 'time', error: `no answer within ${limits.timeoutMs} ms`, progress }, false), limits.timeoutMs);
      // Only our own listeners come off: Worker keeps internal ones that removeAllListeners would break.
      const finish = (outcome: WorkerOutcome<P, R>, reusable: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        release();
        if (reusable && !idle) keepIdle(worker);
        else void worker.terminate();
        resolve(outcome);
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job, transfer);
    });
  }

  let forgetIdle = () => {};

  function keepIdle(worker: Worker): void {
    worker.unref();
    idle = worker;
    // An idle worker that dies (killed from outside) is simply not reused.
    forgetIdle = () => {
      worker.off('exit', forgetIdle).off('error', forgetIdle);
      if (idle === worker) idle = undefined;
    };
    worker.on('exit', forgetIdle).on('error', forgetIdle);
  }

  function takeIdle(): Worker | undefined {
    const worker = idle;
    if (worker) forgetIdle();
    return worker;
  }

  return {
    run,
    running: () => running + waiting.length,
    async close() {
      const worker = takeIdle();
      if (worker) await worker.terminate();
    },
  };
}
