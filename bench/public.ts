/**
 * Public pages under load: the demo committee in a temporary PGlite folder, the real server
 * (`src/main.ts`) on loopback, and autocannon with 50 connections against Luleå's notice board
 * and the OParl meeting list, for a bounded time each. Beside it, when nginx is installed, nginx
 * serving the very same bytes as a static file, in the same run. Targets: p99 under 20 ms and at
 * least half of nginx's throughput. `--smoke` runs 2 s per URL (for CI); `--seconds=N` sets it;
 * `--only=oparl,static` (words of the paths) drives only those URLs.
 * Results go to bench-results/public.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildConfig } from '../src/platform/config/config.js';
import { openDatabase } from '../src/platform/db/open.js';
import { createServices } from '../src/services.js';
import { loadDemo } from '../src/features/demo/demo.js';
import { freePort, startServer, stopServer, type AppServer } from '../test/support/server.js';

const RESULTS = path.resolve(import.meta.dirname, '../bench-results');
const CONNECTIONS = 50;
const TARGET_P99_MS = 20;
const TARGET_SHARE_OF_NGINX = 0.5;

interface Load {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  non2xx: number;
}

interface Target {
  name: string;
  path: string;
  kansli?: Load;
  nginx?: Load;
  skipped?: string;
  met?: boolean;
  baseline?: boolean;
}

async function drive(url: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: Math.round(result.requests.average),
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The demo in a fresh data folder, loaded in-process; the folder is unlocked again afterwards. */
export async function prepareDemo(dataDir: string): Promise<void> {
  const config = buildConfig({ dataDir, logLevel: 'silent', outboxDir: path.join(dataDir, 'outbox'), sealP12Path: path.join(dataDir, 'seal.p12') });
  const database = await openDatabase(config);
  try {
    await loadDemo(createServices(database, config));
  } finally {
    await database.close();
  }
}

/** nginx on a free loopback port serving `files` from a temporary root, or a reason why not. */
async function startNginx(root: string, files: Record<string, Buffer>): Promise<{ url: string; stop: () => void } | string> {
  if (spawnSync('sh', ['-c', 'command -v nginx']).status !== 0) return 'nginx är inte installerat / nginx is not installed: no comparison in this run';
  const port = await freePort();
  mkdirSync(path.join(root, 'html'), { recursive: true });
  // Run as root, nginx's workers drop to an unprivileged user, which must reach the files
  // (mkdtemp makes the folder readable by its owner only).
  chmodSync(root, 0o755);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(root, 'html', name), bytes);
  const conf = path.join(root, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${root}/nginx.pid; error_log ${root}/error.log;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path ${root}/tmp; proxy_temp_path ${root}/tmp; fastcgi_temp_path ${root}/tmp; uwsgi_temp_path ${root}/tmp; scgi_temp_path ${root}/tmp;
  types { text/html html; application/json json; application/atom+xml atom; }
  server { listen 127.0.0.1:${port}; root ${root}/html; }
}\n`,
  );
  mkdirSync(path.join(root, 'tmp'), { recursive: true });
  const child: ChildProcess = spawn('nginx', ['-c', conf, '-p', root], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    if (await fetch(`${url}/${Object.keys(files)[0] ?? ''}`).then((r) => r.ok, () => false)) return { url, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  return 'nginx startade inte / nginx did not start';
}

const row = (label: string, l: Load | undefined) =>
  l ? `  ${label.padEnd(7)} p50 ${String(l.p50).padStart(3)} ms  p99 ${String(l.p99).padStart(3)} ms  ${String(l.requestsPerSecond).padStart(6)} req/s  (${l.requests} svar, ${l.errors} fel, ${l.non2xx} ej 2xx)` : '';

export async function runPublicBench(args: readonly string[]): Promise<boolean> {
  const smoke = args.includes('--smoke');
  const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.slice(10) ?? (smoke ? 2 : 10));
  const work = mkdtempSync(path.join(os.tmpdir(), 'kansli-bench-public-'));
  let server: AppServer | undefined;
  let nginx: { url: string; stop: () => void } | string | undefined;
  try {
    console.log(`Publika sidor: laddar demon i ${work} …`);
    await prepareDemo(path.join(work, 'data'));
    server = await startServer({ KANSLI_DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn' });
    const probe = await fetch(`${server.url}/oparl/v1/body`).then((r) => r.json() as Promise<{ data: { meeting: string }[] }>);
    const meetingList = new URL(probe.data[0]?.meeting ?? `${server.url}/oparl/v1/body`).pathname;
    const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
    const targets: Target[] = [
      { name: 'oparl-meetings.json', path: meetingList },
      { name: 'anslagstavla-lulea.html', path: '/anslagstavla/lulea' },
      { name: 'anslagstavla-lulea.atom', path: '/anslagstavla/lulea/atom.xml' },
      { name: 'portal.html', path: '/' },
      // Not a target: the app's own floor, a static file through the same hooks (cookies, CSRF, headers).
      { name: 'app.css', path: '/static/app.css', baseline: true },
    ].filter((t) => !only || only.some((word) => t.path.includes(word)));
    const bodies: Record<string, Buffer> = {};
    for (const target of targets) {
      const response = await fetch(`${server.url}${target.path}`);
      if (response.ok) bodies[target.name] = Buffer.from(await response.arrayBuffer());
      else target.skipped = `${target.path} svarar ${response.status} (finns inte ännu?) — hoppas över / answers ${response.status}, skipped`;
    }
    nginx = Object.keys(bodies).length > 0 ? await startNginx(work, bodies) : 'nothing to serve';
    for (const target of targets) {
      if (target.skipped) continue;
      await drive(`${server.url}${target.path}`, 1); // warm-up, not counted
      target.kansli = await drive(`${server.url}${target.path}`, seconds);
      if (typeof nginx !== 'string') target.nginx = await drive(`${nginx.url}/${target.name}`, seconds);
      const fastEnough = target.kansli.requests > 0 && target.kansli.p99 < TARGET_P99_MS && target.kansli.errors === 0 && target.kansli.non2xx === 0;
      const share = target.nginx ? target.kansli.requestsPerSecond / Math.max(1, target.nginx.requestsPerSecond) : undefined;
      target.met = fastEnough && (share === undefined || share >= TARGET_SHARE_OF_NGINX);
    }
    const result = {
      benchmark: 'public',
      date: new Date().toISOString(),
      node: process.version,
      cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      load: os.loadavg().map((x) => Number(x.toFixed(1))),
      connections: CONNECTIONS,
      seconds,
      nginx: typeof nginx === 'string' ? nginx : 'measured',
      targets,
      targetP99Ms: TARGET_P99_MS,
      targetShareOfNginx: TARGET_SHARE_OF_NGINX,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'public.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Publika sidor: ${CONNECTIONS} anslutningar, ${seconds} s per adress. ${typeof nginx === 'string' ? nginx : 'nginx med samma bytes som statisk fil.'}`);
    for (const target of targets) {
      if (target.skipped) {
        console.log(`${target.path}: ${target.skipped}`);
        continue;
      }
      const share = target.nginx && target.kansli ? ` — ${Math.round((100 * target.kansli.requestsPerSecond) / target.nginx.requestsPerSecond)} % av nginx` : '';
      if (target.baseline) console.log(`${target.path} (${bodies[target.name]?.length ?? 0} bytes): jämförelse, inget mål / for comparison, no target${share}`);
      else console.log(`${target.path} (${bodies[target.name]?.length ?? 0} bytes)${share}: ${target.met ? 'mål uppnått' : 'MÅL MISSAT'} (p99 < ${TARGET_P99_MS} ms${target.nginx ? `, ≥ ${TARGET_SHARE_OF_NGINX * 100} % av nginx` : ''})`);
      console.log(row('Kansli', target.kansli));
      if (target.nginx) console.log(row('nginx', target.nginx));
    }
    return targets.every((t) => t.skipped !== undefined || t.baseline || t.met === true);
  } finally {
    if (nginx && typeof nginx !== 'string') nginx.stop();
    await stopServer(server);
    rmSync(work, { recursive: true, force: true });
  }
}
