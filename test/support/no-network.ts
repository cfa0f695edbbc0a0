/**
 * Loaded into every test process by `npm test`: a test may talk to this machine only. A connection
 * to any other host fails at once with a message naming it, so a test can never pass (or hang) by
 * reaching the Internet, and CI without network behaves as a developer's machine does.
 */
import net from 'node:net';

const LOCAL = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::', '']);

/** True for a loopback name or address (127.0.0.0/8, ::1, localhost). */
export function isLocalHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return LOCAL.has(h) || h.startsWith('127.') || h === '::ffff:127.0.0.1' || h.endsWith('.localhost');
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;

/** The host a `Socket#connect` call aims at, or null for a Unix socket path. */
function targetHost(args: unknown[]): string | null {
  const [first, second] = args;
  const options = Array.isArray(first) ? (first[0] as unknown) : first;
  if (typeof options === 'object' && options !== null) {
    const o = options as { path?: string; host?: string };
    if (o.path) return null;
    return o.host ?? 'localhost';
  }
  if (typeof options === 'string' && !/^\d+$/.test(options)) return null; // a path
  return typeof second === 'string' ? second : 'localhost';
}

const original = net.Socket.prototype.connect as unknown as Connect;
(net.Socket.prototype as unknown as { connect: Connect }).connect = function (this: net.Socket, ...args: unknown[]) {
  const host = targetHost(args);
  if (host !== null && !isLocalHost(host)) {
    const error = new Error(`Tests may not reach the network: a connection to ${host} was refused (test/support/no-network.ts).`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return original.apply(this, args);
};
