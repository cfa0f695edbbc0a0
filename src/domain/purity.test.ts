/**
 * Keeps src/domain pure without ESLint: no imports from outside this folder, no node: modules,
 * no clock or randomness, JSDoc on every exported function, files under ~300 lines.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));
const INTERNAL_HELPERS = new Set(['refuse', 'requireInteger', 'requireTotalInUnits', 'requirePresentCount']);

describe('src/domain stays pure', () => {
  it('has source files to check', () => assert.ok(sources.length >= 15));
  for (const { name, text } of sources) {
    it(`${name} imports only sibling domain modules`, () => {
      const specifiers = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm)]
        .map((match) => match[1] ?? match[2] ?? match[3] ?? '');
      for (const specifier of specifiers) {
        assert.match(specifier, /^\.\/[a-z0-9-]+\.js$/, `${name} imports ${specifier}`);
        const sibling = specifier.slice(2).replace(/\.js$/, '.ts');
        assert.ok(sources.some((source) => source.name === sibling), `${name} imports missing ${specifier}`);
      }
    });
    it(`${name} reads no clock, randomness or process state`, () => {
      for (const forbidden of [/Date\.now\s*\(/, /new Date\s*\(\s*\)/, /Math\.random/, /\bprocess\./, /\bconsole\./, /\brequire\s*\(/]) {
        assert.doesNotMatch(text, forbidden, `${name} uses ${String(forbidden)}`);
      }
    });
    it(`${name} documents every exported function and stays under 300 lines`, () => {
      const lines = text.split('\n');
      assert.ok(lines.length <= 300, `${name} has ${lines.length} lines`);
      lines.forEach((line, index) => {
        if (/^export (async )?function /.test(line)) {
          assert.match(lines[index - 1] ?? '', /\*\/\s*$/, `${name}:${index + 1} lacks a JSDoc`);
        }
      });
    });
  }
  it('index.ts re-exports every public function', () => {
    const index = sources.find((source) => source.name === 'index.ts')?.text ?? '';
    for (const { name, text } of sources) {
      for (const match of text.matchAll(/^export function (\w+)/gm)) {
        const fn = match[1] ?? '';
        if (!INTERNAL_HELPERS.has(fn)) assert.match(index, new RegExp(`\\b${fn}\\b`), `${fn} from ${name} is not in index.ts`);
      }
    }
  });
});
