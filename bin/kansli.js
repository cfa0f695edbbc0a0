#!/usr/bin/env node
// `npx kansli …`: the built CLI (dist/bundle/cli.js, made by `npm ci` or `npm run build`). In a source tree
// edited since the last build, the TypeScript sources are run through tsx instead, so a command
// never runs stale code.
import { pathToFileURL } from 'node:url';
import { CLI_ENTRY, isStale } from '../scripts/build.js';

if (isStale()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
} else {
  await import(pathToFileURL(CLI_ENTRY).href);
}
