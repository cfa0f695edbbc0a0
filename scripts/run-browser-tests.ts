/**
 * `npm run test:browser`: the browser journeys (test/browser/*.test.ts), one file at a time.
 * Node 20's --test does not expand globs, so this finds the files and hands them over.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { clearFormTimings, formTimingsReport } from '../test/browser/form-timings.js';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'test', 'browser');
const filter = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => /\.test\.tsx?$/.test(name))
  .map((name) => path.relative(root, path.join(dir, name)))
  .filter((file) => filter.length === 0 || filter.some((x) => file.includes(x)))
  .sort();

if (files.length === 0) {
  console.error('No browser tests found in test/browser.');
  process.exit(1);
}
clearFormTimings();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=900000', ...files], { cwd: root, stdio: 'inherit' });
console.log(`\n${formTimingsReport()}`);
process.exit(result.status ?? 1);
