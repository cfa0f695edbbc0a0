import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import { isLocalHost } from './no-network.js';

describe('tests cannot reach the network', () => {
  it('refuses a connection to another host at once, naming it', async () => {
    const socket = net.connect({ host: '192.0.2.1', port: 80 });
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
    assert.match(error.message, /192\.0\.2\.1 was refused/);
  });

  it('refuses fetch to another host', async () => {
    await assert.rejects(fetch('http://192.0.2.1/'), (error: Error & { cause?: Error }) => /was refused/.test(String(error.cause?.message ?? error.message)));
  });

  it('lets a test talk to this machine', async () => {
    const server = net.createServer((s) => s.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const text = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let data = '';
      socket.on('data', (d) => (data += String(d)));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    server.close();
    assert.equal(text, 'ok');
    assert.ok(isLocalHost('localhost') && isLocalHost('::1') && isLocalHost('127.0.0.2') && !isLocalHost('example.org'));
  });
});
