import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';
import { PERSONNUMMER_CLAIM } from './oidc-config.js';

const eid = {
  KANSLI_OIDC_PROVIDERS: 'lulea, eid',
  KANSLI_OIDC_LULEA_ISSUER: 'https://login.example.se/lulea',
  KANSLI_OIDC_LULEA_CLIENT_ID: 'kansli',
  KANSLI_OIDC_LULEA_CLIENT_SECRET: 's3cret',
  KANSLI_OIDC_LULEA_ORGANISATION: 'lulea',
  KANSLI_OIDC_LULEA_PASSWORDS: 'false',
  KANSLI_OIDC_EID_ISSUER: 'https://broker.example.se',
  KANSLI_OIDC_EID_CLIENT_ID: 'kansli-eid',
  KANSLI_OIDC_EID_MATCH: 'personnummer',
};

test('no providers by default; tolerance 60 s', () => {
  const config = loadConfig({});
  assert.deepEqual(config.oidc.providers, []);
  assert.equal(config.oidc.clockToleranceSeconds, 60);
});

test('each provider from its own variables, with defaults by how it matches', () => {
  const [lulea, e] = loadConfig(eid).oidc.providers;
  assert.equal(lulea?.match, 'email');
  assert.equal(lulea?.claim, 'email');
  assert.equal(lulea?.passwordsAllowed, false);
  assert.equal(lulea?.organisation, 'lulea');
  assert.equal(e?.match, 'personnummer');
  assert.equal(e?.claim, PERSONNUMMER_CLAIM);
  assert.match(e?.scope ?? '', /naturalPersonNumber/);
  assert.equal(e?.clientSecret, undefined);
  assert.equal(e?.passwordsAllowed, true);
});

for (const [variable, env] of [
  ['KANSLI_OIDC_EID_ISSUER', { ...eid, KANSLI_OIDC_EID_ISSUER: 'broker.example.se' }],
  ['KANSLI_OIDC_EID_ISSUER', { ...eid, KANSLI_OIDC_EID_ISSUER: '' }],
  ['KANSLI_OIDC_LULEA_CLIENT_ID', { ...eid, KANSLI_OIDC_LULEA_CLIENT_ID: '' }],
  ['KANSLI_OIDC_EID_MATCH', { ...eid, KANSLI_OIDC_EID_MATCH: 'sub' }],
  ['KANSLI_OIDC_LULEA_PASSWORDS', { ...eid, KANSLI_OIDC_LULEA_PASSWORDS: 'nej' }],
  ['KANSLI_OIDC_PROVIDERS', { ...eid, KANSLI_OIDC_PROVIDERS: 'lulea,Lulea!' }],
  ['KANSLI_OIDC_PROVIDERS', { ...eid, KANSLI_OIDC_PROVIDERS: 'lulea,lulea' }],
  ['KANSLI_OIDC_CLOCK_TOLERANCE_SECONDS', { ...eid, KANSLI_OIDC_CLOCK_TOLERANCE_SECONDS: '3600' }],
] as const) {
  test(`a wrong ${variable} stops Kansli naming it`, () => {
    assert.throws(
      () => loadConfig(env),
      (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.includes(variable),
    );
  });
}
