import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import './messages.js';
import { allMessageKeys, translator } from './platform/i18n/i18n.js';

const SRC = path.dirname(fileURLToPath(import.meta.url));

async function messageFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.messages.ts')).map((e) => path.relative(SRC, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('the message catalogue', () => {
  it('loads every feature’s messages file', async () => {
    const listed = await readFile(path.join(SRC, 'messages.ts'), 'utf8');
    const files = await messageFiles(path.join(SRC, 'features'));
    assert.ok(files.length > 10, 'the features have messages files');
    const missing = files.filter((f) => !listed.includes(`'./${f.replace(/\.ts$/, '.js')}'`));
    assert.deepEqual(missing, [], 'src/messages.ts imports every feature’s messages');
  });

  it('has a Swedish and an English text for every key, and translates every key', () => {
    const keys = allMessageKeys();
    assert.ok(keys.includes('nav.archive') && keys.includes('tasks.title'), 'feature keys are registered');
    for (const locale of ['sv', 'en'] as const) {
      const t = translator(locale);
      for (const key of keys) assert.ok(t(key).trim().length > 0, `${key} (${locale})`);
    }
  });

  it('refuses an unknown key with a message that says where to register it', () => {
    const t = translator('sv') as (key: string) => string;
    assert.throws(() => t('no.such.key'), /src\/messages\.ts/);
  });
});
