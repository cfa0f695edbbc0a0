#!/usr/bin/env node
/**
 * `npm start`: the built server (dist/bundle/main.js, the bundle of dist/main.js) in this very
 * process, built first when a source file changed since the last build (a developer's edit), so
 * that nothing is compiled while serving.
 */
import { pathToFileURL } from 'node:url';
import { build, isStale, SERVER_ENTRY } from './build.js';

if (isStale() && !(await build())) process.exit(1);
await import(pathToFileURL(SERVER_ENTRY).href);
