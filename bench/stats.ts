/** Percentiles for the benchmarks, the load tests and the browser journeys' form timings (nearest rank). */

/** The p-th percentile (0–100) of numbers sorted ascending; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Count, p50, p95, p99 and max of durations in milliseconds, rounded to whole ms. */
export function durationStats(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round(percentile(sorted, p));
  return { n: sorted.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: Math.round(sorted.at(-1) ?? Number.NaN) };
}
