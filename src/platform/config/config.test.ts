import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

test('defaults: port 3000 on localhost, data in ./data, PGlite', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, 'localhost');
  assert.match(config.dataDir, /\/data$/);
  assert.equal(config.databaseUrl, undefined);
});

test('values from the environment are used', () => {
  const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@db/kansli', KANSLI_SECURE_COOKIES: 'true' });
  assert.equal(config.port, 8080);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.databaseUrl, 'postgres://u@db/kansli');
  assert.equal(config.secureCookies, true);
});

for (const [variable, value] of [
  ['PORT', 'abc'],
  ['PORT', '70000'],
  ['DATABASE_URL', 'mysql://x'],
  ['KANSLI_SECURE_COOKIES', 'maybe'],
  ['LOG_LEVEL', 'loud'],
  ['KANSLI_SESSION_DAYS', '0'],
] as const) {
  test(`a wrong ${variable} (${value}) names the variable`, () => {
    assert.throws(
      () => loadConfig({ [variable]: value }),
      (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.includes(variable),
    );
  });
}

test('an empty variable counts as not set', () => {
  assert.equal(loadConfig({ PORT: '' }).port, 3000);
});
