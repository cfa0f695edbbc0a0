/**
 * Loaded into every test process by `npm test` (scripts/run-tests.ts): every fast-check property
 * runs with one fixed seed, so a run is the same every time and a failure can be replayed.
 * FC_SEED picks another seed and FC_RUNS more cases, to search for new counterexamples on purpose.
 */
import fc from 'fast-check';

export const FAST_CHECK_SEED = Number(process.env.FC_SEED ?? 20_261_206);

fc.configureGlobal({ seed: FAST_CHECK_SEED, ...(process.env.FC_RUNS ? { numRuns: Number(process.env.FC_RUNS) } : {}) });
