#!/usr/bin/env node
/**
 * `npm start`: the built server (dist/main.js) in this very process, built first when a source
 * file changed since the last build (a developer's edit), so that nothing is compiled while serving.
 */
import { build, isStale } from './build.js';

if (isStale() && !build()) process.exit(1);
await import('../dist/main.js');
