#!/usr/bin/env node
// `npm run test:topology`: builds the api and the worker, then runs the topology suite
// (topology/test/, Jest, one file after another): the arrangement of `npm run topology` started
// per test file on a database of its own. `npm test` runs it as a step too (with --no-install).
import { join } from 'node:path';
import { assertNode, buildApiAndWorker, install, root, run, turboEnv } from './lib.mjs';

assertNode();
if (!process.argv.includes('--no-install')) await install();
if (!(await buildApiAndWorker())) process.exit(1);
const topologyDir = join(root, 'topology');
const { code } = await run(join(topologyDir, 'node_modules', '.bin', 'jest'), [], {
  env: turboEnv,
  cwd: topologyDir,
});
process.exit(code);
