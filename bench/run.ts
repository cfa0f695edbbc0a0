/**
 * `npm run bench` runs every benchmark; `npm run bench -- search` runs one. Not part of `npm test`:
 * a benchmark fills large databases and takes minutes. Results go to bench-results/.
 */
import { runSearchBench } from './search.bench.js';
import { runProtocolBench } from './protocol.bench.js';
import { runPublicBench } from './public.js';
import { runAllocationBench } from './allocation.bench.js';
import { runStartupBench } from './startup.bench.js';
import os from 'node:os';

const BENCHES: Record<string, (args: readonly string[]) => Promise<boolean>> = {
  search: runSearchBench,
  protocol: runProtocolBench,
  public: runPublicBench,
  allocation: runAllocationBench,
  startup: runStartupBench,
};

const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !Object.hasOwn(BENCHES, n));
if (unknown.length > 0) {
  console.error(`Okänt benchmark: ${unknown.join(', ')}. Kända: ${Object.keys(BENCHES).join(', ')}.`);
  process.exit(2);
}

let allMet = true;
const started = performance.now();
for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) continue;
  // A shared machine's load changes the figures: say what it was, before and after.
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`\n[${name}] belastning / load average (1, 5, 15 min) vid start: ${load()} på ${os.cpus().length} kärnor`);
  const met = await bench(args);
  console.log(`[${name}] ${met ? 'alla mål uppnådda / all goals met' : 'MINST ETT MÅL MISSAT / at least one goal missed'}; belastning efteråt / load after: ${load()}`);
  allMet = met && allMet;
}
console.log(`\nKlart på ${((performance.now() - started) / 1000).toFixed(0)} s.${allMet ? '' : ' Minst ett mål missades.'}`);
// A smoke run (CI) proves the benchmarks run; their speed is judged on a quiet machine.
const smoke = args.includes('--smoke');
if (smoke && !allMet) console.log('Röktest: målen bedöms inte här. / Smoke run: targets are not judged here.');
process.exit(allMet || smoke ? 0 : 1);
