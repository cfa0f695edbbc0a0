/**
 * Allocation at national scale: 290 municipalities × 200 cost objects (every Swedish
 * municipality in one joint arrangement), each cost object split by its key — equal, by
 * population, mixed (flat share + population) or by population among the participants of a
 * project — in whole kronor or hundreds, by the domain's one allocation rule (allocateCost).
 * One "run" allocates all 200 objects. Target: a run under 50 ms (p99 of the runs).
 * Results go to bench-results/allocation.json. `--smoke` does a few runs only (for CI).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allocateCost, type AllocationInput } from '../src/domain/index.js';
import { percentile } from './stats.js';

const RESULTS = path.resolve(import.meta.dirname, '../bench-results');
const MUNICIPALITIES = 290;
const COST_OBJECTS = 200;
const TARGET_P99_MS = 50;

/** A seeded PRNG (mulberry32), so that every run allocates the same data. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nationalDataset(): AllocationInput[] {
  const random = prng(2026);
  // Populations like Sweden's: from about 2,400 (Bjurholm) to about 1 million (Stockholm).
  const parties = Array.from({ length: MUNICIPALITIES }, (_, i) => ({ id: `k${String(i).padStart(3, '0')}`, population: Math.round(2_400 * Math.exp(random() * Math.log(420))) }));
  return Array.from({ length: COST_OBJECTS }, (_, i): AllocationInput => {
    const unit = i % 3 === 0 ? 100 : 1;
    const total = Math.round((50_000 + random() * 50_000_000) / unit) * unit;
    const kind = i % 4;
    if (kind === 0) return { total, unit, parties, key: { kind: 'equal' } };
    if (kind === 1) return { total, unit, parties, key: { kind: 'population' } };
    if (kind === 2) return { total, unit, parties, key: { kind: 'mixed', flatSharePercent: Math.round(random() * 10_000) / 100 } };
    // A project: about half of the municipalities take part (samverkansavtal 8.3).
    const participantIds = parties.filter(() => random() < 0.5).map((p) => p.id);
    return { total, unit, parties, key: { kind: 'population' }, participantIds: participantIds.length > 0 ? participantIds : [parties[0]?.id ?? ''] };
  });
}

const round = (x: number) => Number(x.toFixed(2));

export async function runAllocationBench(args: readonly string[] = []): Promise<boolean> {
  const smoke = args.includes('--smoke');
  const runs = smoke ? 5 : 100;
  const warmUp = smoke ? 1 : 10;
  const dataset = nationalDataset();
  const times: number[] = [];
  for (let run = 0; run < warmUp + runs; run += 1) {
    const started = performance.now();
    for (const options of dataset) {
      const shares = allocateCost(options);
      // Check every split as it goes: the sum must be the total, exactly.
      let sum = 0;
      for (const share of shares) sum += share.amount;
      if (sum !== options.total) throw new Error(`allocation sums to ${sum}, not ${options.total}`);
    }
    if (run >= warmUp) times.push(performance.now() - started);
  }
  const sortedTimes = [...times].sort((a, b) => a - b);
  const result = {
    benchmark: 'allocation',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    municipalities: MUNICIPALITIES,
    costObjects: COST_OBJECTS,
    runs,
    p50Ms: round(percentile(sortedTimes, 50)),
    p99Ms: round(percentile(sortedTimes, 99)),
    targetP99Ms: TARGET_P99_MS,
  };
  const met = result.p99Ms < TARGET_P99_MS;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'allocation.json'), `${JSON.stringify({ ...result, met }, null, 2)}\n`);
  console.log(`\nFördelning / allocation: ${MUNICIPALITIES} kommuner × ${COST_OBJECTS} kostnadsobjekt, ${runs} körningar`);
  console.log(`  p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (mål p99 < ${TARGET_P99_MS} ms) — ${met ? 'uppfyllt / met' : 'MISSAT / missed'}`);
  return met;
}
