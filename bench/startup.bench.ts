/**
 * Start and memory: the built server (`npm start`, plain JavaScript from dist/) on the demo's
 * existing database. Measures the time from `npm start` to the first answer of the start page (the median of three starts),
 * the resident memory of the whole process tree (npm, sh, node) after a round of public and
 * sign-in pages, and how long a CLI command takes from `node bin/kansli.js` to its exit.
 * Targets: first answer < 2 s, < 400 MB resident, a CLI command < 1.5 s. Results in
 * bench-results/startup.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { freePort } from '../test/support/server.js';
import { prepareDemo } from './public.js';
import { build, isStale } from '../scripts/build.js';
import { percentile } from './stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'bench-results');
const TARGET_FIRST_ANSWER_MS = 2000;
const TARGET_RSS_MB = 400;
const TARGET_CLI_MS = 1500;

/** The resident memory of a process and all its descendants, from /proc (Linux). */
export function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let kb = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return Math.round(kb / 1024);
}

const STARTS = 3;

/**
 * `npm start` once: the time to the first answer of the start page and, when asked, the resident
 * memory of the process tree after a round of public and sign-in pages; then stopped.
 */
async function startOnce(env: NodeJS.ProcessEnv, port: number, measureMemory: boolean): Promise<{ firstAnswerMs: number; rssMb?: number }> {
  const started = performance.now();
  // Its own process group, so that npm, sh and node all stop together at the end.
  const server = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  let firstAnswerMs = -1;
  try {
    while (performance.now() - started < 120_000 && server.exitCode === null) {
      if (await fetch(`${url}/`).then((r) => r.ok, () => false)) {
        firstAnswerMs = Math.round(performance.now() - started);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    if (!measureMemory || firstAnswerMs < 0) return { firstAnswerMs };
    const pages = ['/', '/anslagstavla/lulea', '/anslagstavla/lulea/atom.xml', '/oparl/v1/system', '/logga-in', '/portal', '/diarium'];
    for (let round = 0; round < 20; round += 1) for (const page of pages) await fetch(`${url}${page}`).then((r) => r.arrayBuffer(), () => undefined);
    return { firstAnswerMs, rssMb: server.pid ? treeRssMb(server.pid) : -1 };
  } finally {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    if (server.exitCode === null) await once(server, 'exit');
    // npm exits before its node child has closed the database: wait until the server is gone.
    while (await fetch(`${url}/healthz`).then(() => true, () => false)) await new Promise((r) => setTimeout(r, 20));
  }
}

function timeCli(args: string[], env: NodeJS.ProcessEnv): { ms: number; status: number | null } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/kansli.js'), ...args], { cwd: ROOT, env, stdio: 'ignore' });
  return { ms: Math.round(performance.now() - started), status: result.status };
}

export async function runStartupBench(): Promise<boolean> {
  if (isStale() && !(await build())) return false;
  const work = mkdtempSync(path.join(os.tmpdir(), 'kansli-bench-startup-'));
  const dataDir = path.join(work, 'data');
  const env: NodeJS.ProcessEnv = { ...process.env, KANSLI_DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.NODE_OPTIONS;
  try {
    console.log(`Start och minne: laddar demon i ${work} …`);
    await prepareDemo(dataDir);
    const loadAtStart = os.loadavg().map((x) => Number(x.toFixed(1)));
    // Three starts, the median reported: one start on a shared machine varies by a few hundred ms.
    const starts: number[] = [];
    let rssMb = -1;
    for (let run = 0; run < STARTS; run += 1) {
      const port = await freePort();
      const measured = await startOnce({ ...env, PORT: String(port) }, port, run === STARTS - 1);
      starts.push(measured.firstAnswerMs);
      if (measured.rssMb !== undefined) rssMb = measured.rssMb;
    }
    const firstAnswerMs = starts.includes(-1) ? -1 : percentile([...starts].sort((a, b) => a - b), 50);
    console.log(`  (the ${STARTS} starts: ${starts.join(', ')} ms)`);
    const help = timeCli(['--help'], env);
    const verify = timeCli(['audit', 'verify'], env);
    const goals = [
      { name: 'first answer after npm start', value: firstAnswerMs, unit: 'ms', target: TARGET_FIRST_ANSWER_MS, met: firstAnswerMs >= 0 && firstAnswerMs < TARGET_FIRST_ANSWER_MS },
      { name: 'resident memory of the process tree', value: rssMb, unit: 'MB', target: TARGET_RSS_MB, met: rssMb > 0 && rssMb < TARGET_RSS_MB },
      { name: 'CLI: kansli --help', value: help.ms, unit: 'ms', target: TARGET_CLI_MS, met: help.status === 0 && help.ms < TARGET_CLI_MS },
      { name: 'CLI: kansli audit verify (opens the database)', value: verify.ms, unit: 'ms', target: TARGET_CLI_MS, met: verify.status === 0 && verify.ms < TARGET_CLI_MS },
    ];
    const result = { benchmark: 'startup', date: new Date().toISOString(), node: process.version, cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`, load: loadAtStart, firstAnswerStartsMs: starts, goals };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'startup.json'), `${JSON.stringify(result, null, 2)}\n`);
    for (const g of goals) console.log(`  ${g.name}: ${g.value} ${g.unit} (mål < ${g.target} ${g.unit}) — ${g.met ? 'mål uppnått / met' : 'MÅL MISSAT / missed'}`);
    return goals.every((g) => g.met);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
