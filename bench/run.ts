/**
 * `npm run bench` runs every benchmark; `npm run bench -- search` runs one. Not part of `npm test`:
 * a benchmark fills large databases and takes minutes. Results go to bench-results/.
 */
import { runSearchBench } from './search.bench.js';
import { runProtocolBench } from './protocol.bench.js';
import { runPublicBench } from './public.js';
import { runAllocationBench } from './allocation.bench.js';

const BENCHES: Record<string, (args: readonly string[]) => Promise<boolean>> = {
  search: runSearchBench,
  protocol: runProtocolBench,
  public: runPublicBench,
  allocation: runAllocationBench,
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
  if (bench) allMet = (await bench(args)) && allMet;
}
console.log(`\nKlart på ${((performance.now() - started) / 1000).toFixed(0)} s.${allMet ? '' : ' Minst ett mål missades.'}`);
// A smoke run (CI) proves the benchmarks run; their speed is judged on a quiet machine.
const smoke = args.includes('--smoke');
if (smoke && !allMet) console.log('Röktest: målen bedöms inte här. / Smoke run: targets are not judged here.');
process.exit(allMet || smoke ? 0 : 1);
