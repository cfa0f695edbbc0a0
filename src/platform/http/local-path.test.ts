import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localPath } from './local-path.js';

test('local paths are kept as they are', () => {
  for (const path of ['/', '/personer', '/protokoll/1/justera?x=1', '/sok?q=a%20b#traff', '/a:b', '/konto/passkey?next=%2Fprotokoll'])
    assert.equal(localPath(path), path, path);
});

test('anything that could lead to another site is refused', () => {
  const refused = [
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '\t//evil.example',
    ' /x',
    '/x y',
    '/%09/x\u0000',
    'https://evil.example/',
    'http:/evil.example',
    'javascript:alert(1)',
    'data:text/html,x',
    'evil.example',
    '',
    '/x\u007f',
    `/${'a'.repeat(2001)}`,
  ];
  for (const value of refused) assert.equal(localPath(value), null, JSON.stringify(value));
  for (const value of [undefined, null, 42, ['/x'], { toString: () => '/x' }]) assert.equal(localPath(value), null);
});

test('dot segments are resolved and still stay on this site', () => {
  assert.equal(localPath('/a/../b'), '/b');
  assert.equal(localPath('/..//evil.example'), null, 'resolving dots must not produce //host');
  assert.equal(localPath('/./%2F/evil'), '/%2F/evil', 'an encoded slash is a path segment here, not a host');
});
