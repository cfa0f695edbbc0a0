/**
 * Background work that runs every so often in the server process (the reminder scan): one run at a
 * time per process, errors logged and never thrown. Several servers may run the same job at once;
 * the job itself must be idempotent (the reminder scan claims each mail under a unique key).
 */
export interface PeriodicJob {
  /** Run the job once now (and wait for it); a run already in progress is awaited instead. */
  runOnce(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export function createPeriodicJob(options: { name: string; intervalMs: number; run: () => Promise<unknown>; log?: (message: string) => void }): PeriodicJob {
  const log = options.log ?? ((message: string) => console.warn(message));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  function runOnce(): Promise<void> {
    running ??= options
      .run()
      .then(() => undefined)
      .catch((error: unknown) => log(`Kansli: the background job ${options.name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => void runOnce(), options.intervalMs);
      timer.unref();
      void runOnce();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running;
    },
  };
}
