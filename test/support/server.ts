/**
 * Real app server processes for tests that need them (two servers on one database, crashes):
 * `npm start`'s entry point in a child process, and a cookie-keeping client that sends forms
 * with the CSRF token as a browser would.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { isStale, SERVER_ENTRY } from '../../scripts/build.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

export interface AppServer {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/**
 * What `npm start` runs — the bundled server (dist/bundle/main.js) when the build is fresh, as in
 * CI after `npm ci`, so that the tests try the bundle; else the sources through tsx.
 */
export function serverEntry(): string[] {
  return isStale() ? ['--import', 'tsx', 'src/main.ts'] : [SERVER_ENTRY];
}

/**
 * Start the server (serverEntry) with the given environment (DATABASE_URL or KANSLI_DATA_DIR) and
 * wait for /healthz; `nodeArgs` go to node before the script (`--cpu-prof`, which NODE_OPTIONS refuses).
 */
export async function startServer(env: Record<string, string>, options: { nodeArgs?: string[] } = {}): Promise<AppServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env };
  delete childEnv.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...serverEntry()], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server = { url: `http://127.0.0.1:${port}`, child, output: () => output };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${server.url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server on port ${port} did not answer /healthz:\n${output}`);
}

/** Stop politely (SIGTERM, then SIGKILL after 5 s). */
export async function stopServer(server: AppServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Kill at once, as a power cut would kill the process (the operating system keeps its files). */
export async function killServer(server: AppServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

/** A browser: one cookie jar (cookies do not depend on the port), forms carry the CSRF token. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async request(server: AppServer, url: string, form?: Record<string, string>): Promise<Response> {
    if (form && !this.cookies.has('kansli_csrf')) await this.request(server, '/logga-in'); // a page with a form sets the cookie
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body: string | undefined;
    if (form) {
      body = new URLSearchParams({ _csrf: this.cookies.get('kansli_csrf') ?? '', ...form }).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(`${server.url}${url}`, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) this.keep(cookie);
    return response;
  }

  private keep(header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
    const expires = attributes.find((a) => /^expires=/i.test(a));
    const gone = value === '' || attributes.some((a) => /^max-age=0$/i.test(a)) || (expires !== undefined && Date.parse(expires.slice(8)) < Date.now());
    if (gone) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  async signIn(server: AppServer, email: string, password: string): Promise<void> {
    const response = await this.request(server, '/logga-in', { email, password });
    assert.equal(response.status, 302, await response.text());
  }
}
