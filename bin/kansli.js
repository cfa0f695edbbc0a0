#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx kansli …` works straight from the source tree.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
