// The esbuild plugin the api and worker bundles share: workspace packages (@teamflow/*, shipped
// as TypeScript source) are bundled; every npm package stays external and is loaded from the
// app's own node_modules at run time. pnpm gives an app only the packages its package.json lists,
// so an import of a package the app does not list would build, and then crash `node dist/…` on
// start (pnpm's script shims set NODE_PATH, which hides the gap in tests). The build fails instead.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const packageName = (path) =>
  (path.startsWith('@') ? path.split('/').slice(0, 2) : path.split('/').slice(0, 1)).join('/');

export function externalDependencies(appDir) {
  const manifest = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
  const listed = new Set(Object.keys(manifest.dependencies ?? {}));
  const builtins = new Set(builtinModules);
  return {
    name: 'external-npm-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@teamflow/')) return undefined;
        const name = packageName(args.path);
        if (args.path.startsWith('node:') || builtins.has(name) || listed.has(name))
          return { path: args.path, external: true };
        return {
          errors: [
            {
              text: `${name} is imported (by ${args.importer}) but is not a dependency of ${manifest.name}: add "${name}": "catalog:" to its package.json`,
            },
          ],
        };
      });
    },
  };
}
