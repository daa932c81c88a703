#!/usr/bin/env node
// `npm test`'s check of the three Dockerfiles (apps/{api,worker,web}/Dockerfile), without a Docker
// daemon:
//  1. dockerfilelint (npm, plain JavaScript): instruction syntax and its rule set (apt/apk habits,
//     sudo, ADD vs COPY, missing tags, invalid ports, …). hadolint is not in Debian's archive, so
//     it is not used.
//  2. this project's image rules, read with dockerfile-ast (the parser behind VS Code's
//     Dockerfile support): multi-stage (a build stage and a runtime stage), a base image with an
//     explicit tag (never `latest`), the runtime stage runs as a non-root USER, has a HEALTHCHECK,
//     a CMD in exec form, and takes SENTRY_RELEASE so events name the image's commit.
// Prints one line per problem (file:line: message); exits 1 when there is any.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const require = createRequire(import.meta.url);
const { DockerfileParser } = require('dockerfile-ast');
const files = (
  process.argv.length > 2
    ? process.argv.slice(2)
    : ['api', 'worker', 'web'].map((s) => `apps/${s}/Dockerfile`)
).map((f) => join(process.cwd(), f));

const problems = [];
const report = (file, line, message) => problems.push(`${relative(process.cwd(), file)}:${line}: ${message}`);

// 1. dockerfilelint, as JSON.
const cli = join(root, 'node_modules', 'dockerfilelint', 'bin', 'dockerfilelint');
const lint = spawnSync(process.execPath, [cli, '-o', 'json', ...files], { encoding: 'utf8' });
let linted;
try {
  linted = JSON.parse(lint.stdout);
} catch {
  console.error(`dockerfilelint gave no JSON:\n${lint.stdout}${lint.stderr}`);
  process.exit(1);
}
for (const file of linted.files) {
  for (const issue of file.issues) {
    report(file.file, issue.line, `${issue.title}: ${issue.description} [dockerfilelint ${issue.category}]`);
  }
}

// 2. The image rules.
for (const file of files) {
  const dockerfile = DockerfileParser.parse(readFileSync(file, 'utf8'));
  const froms = dockerfile.getFROMs();
  const at = (instruction) => instruction.getRange().start.line + 1;
  if (froms.length < 2)
    report(file, 1, 'must be multi-stage: build in one stage, copy the output into a runtime stage');
  for (const from of froms) {
    const tag = from.getImageTag();
    if (!tag || tag === 'latest')
      report(file, at(from), `base image ${from.getImageName()} needs an explicit tag, not latest`);
  }
  const last = froms.at(-1);
  if (!last) continue;
  const runtime = dockerfile.getInstructions().filter((i) => at(i) >= at(last));
  const users = runtime.filter((i) => i.getKeyword() === 'USER');
  const user = users.at(-1)?.getArgumentsContent()?.trim();
  if (!user) report(file, at(last), 'the runtime stage must switch to a non-root USER');
  else if (/^(root|0)(:|$)/.test(user))
    report(file, at(users.at(-1)), `runs as ${user}: use a non-root USER`);
  const healthcheck = runtime.find((i) => i.getKeyword() === 'HEALTHCHECK');
  if (!healthcheck) report(file, at(last), 'the runtime stage needs a HEALTHCHECK');
  else if (/^\s*NONE\b/i.test(healthcheck.getArgumentsContent() ?? ''))
    report(file, at(healthcheck), 'HEALTHCHECK NONE');
  const cmd = runtime.findLast((i) => i.getKeyword() === 'CMD');
  if (!cmd) report(file, at(last), 'the runtime stage needs a CMD');
  // Exec form, so the process is PID 1 and receives SIGTERM for a graceful shutdown.
  else if (!cmd.getArgumentsContent()?.trim().startsWith('['))
    report(file, at(cmd), 'CMD must be in exec form ["node", …] to receive SIGTERM');
  if (
    !dockerfile
      .getInstructions()
      .some((i) => i.getKeyword() === 'ARG' && /^SENTRY_RELEASE\b/.test(i.getArgumentsContent() ?? ''))
  ) {
    report(file, 1, 'take ARG SENTRY_RELEASE (deploy.yml passes the commit) so errors name the release');
  }
}

for (const p of problems) console.log(p);
console.log(
  problems.length
    ? `✖ ${problems.length} problem(s) in ${files.length} Dockerfile(s)`
    : `✓ ${files.length} Dockerfile(s) pass dockerfilelint and the image rules`,
);
process.exit(problems.length ? 1 : 0);
