// Bundles the api (and the workspace packages it imports, which ship TypeScript source) into dist/.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { externalDependencies } from '../../scripts/external-dependencies.mjs';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { server: 'src/server.ts', prepare: 'src/cli/prepare.ts', migrate: 'src/cli/migrate.ts' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'dist',
  sourcemap: true,
  // Workspace packages are bundled; npm dependencies stay external, loaded from the app's node_modules.
  plugins: [externalDependencies('.')],
  logLevel: 'warning',
});
cpSync('../../packages/db/migrations', 'dist/migrations', { recursive: true });
// The local provider's word vectors (work-log search by meaning), read beside the bundle.
cpSync('../../packages/ai/src/local/word-vectors.bin', 'dist/word-vectors.bin');
