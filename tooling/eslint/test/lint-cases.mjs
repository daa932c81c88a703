// Lints given source texts as if they stood at given paths, with each package's real ESLint
// config (type-aware, so each path must be a file of that package). Reads JSON cases on stdin,
// prints the messages of each. Run as a child process: ESLint loads its flat configs with
// import(), which Jest's module runtime cannot do.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cases = JSON.parse(readFileSync(0, 'utf8'));
const linters = new Map();
const results = [];
for (const { pkg, file, code } of cases) {
  if (!linters.has(pkg)) linters.set(pkg, new ESLint({ cwd: join(root, pkg) }));
  const [result] = await linters.get(pkg).lintText(code, { filePath: join(root, pkg, file) });
  results.push(result.messages.map((m) => ({ rule: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(results));
