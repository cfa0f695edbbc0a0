/**
 * A `node --test` reporter for `npm test`: after the run, the test files that took longest (the
 * sum of their top-level tests), so that the suite's time (issue 19: under 10 minutes on 2 cores)
 * can be worked on where it goes. Prints nothing per test; the spec reporter does that. Plain JavaScript: node loads reporters
 * before tsx.
 */
import path from 'node:path';

const SHOWN = 15;

/** @param {AsyncIterable<{ type: string, data: { nesting?: number, file?: string, details?: { duration_ms?: number } } }>} source */
export default async function* fileTimes(source) {
  const byFile = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { nesting, file, details } = event.data;
    if (nesting !== 0 || !file) continue;
    byFile.set(file, (byFile.get(file) ?? 0) + (details?.duration_ms ?? 0));
  }
  const total = [...byFile.values()].reduce((sum, ms) => sum + ms, 0);
  const slowest = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, SHOWN);
  yield `\nLångsammaste testfilerna / slowest test files (${byFile.size} filer, summa / sum ${(total / 60000).toFixed(1)} min):\n`;
  for (const [file, ms] of slowest) yield `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${path.relative(process.cwd(), file)}\n`;
}
