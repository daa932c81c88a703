#!/usr/bin/env node
// `npm test`'s check of docker-compose.yml without a Docker daemon (CI also runs Docker's own
// `docker compose config`, ci.yml):
//  1. parsed with `yaml` (YAML 1.2 with `<<` merge keys, as Compose reads it), variables
//     interpolated the way Compose does with an empty environment (`${X:-default}`, `${X-default}`,
//     `${X}`, `$$`), then validated against the Compose Specification's JSON schema
//     (scripts/schemas/compose-spec.json, vendored from compose-spec/compose-spec) with ajv;
//  2. references: every depends_on names a service, every `service_healthy` dependency has a
//     health check (its own or its image's HEALTHCHECK), every built Dockerfile exists, every named
//     volume is declared.
// Prints one line per problem; exits 1 when there is any.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const require = createRequire(import.meta.url);
const { parse } = require('yaml');
const Ajv = require('ajv');

const file = process.argv[2] ?? join(root, 'docker-compose.yml');
const dir = join(file, '..');
const problems = [];

/** Compose's interpolation with no variables set: defaults apply, `:?`/`?` ones are errors. */
function interpolate(value, path) {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (all, name, op, arg, bare) => {
        if (all === '$$') return '$';
        if (bare) return '';
        if (op === ':-' || op === '-') return arg;
        if (op === ':?' || op === '?') {
          problems.push(`${path}: \${${name}} is required (${arg || 'no message'})`);
          return '';
        }
        return '';
      },
    );
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, `${path}.${k}`)]));
  }
  return value;
}

let doc;
try {
  doc = parse(readFileSync(file, 'utf8'), { merge: true, prettyErrors: true });
} catch (error) {
  console.log(`${relative(process.cwd(), file)}: ${error.message}`);
  process.exit(1);
}
const config = interpolate(doc, '');

// The schema names draft-07 by its https address, which ajv (draft-07 by default) does not know.
const { $schema: _draft07, ...schema } = JSON.parse(
  readFileSync(join(root, 'scripts', 'schemas', 'compose-spec.json'), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
if (!validate(config)) {
  for (const e of validate.errors) {
    problems.push(
      `${e.instancePath || '(top)'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`,
    );
  }
}

const services = config.services ?? {};
const volumes = new Set(Object.keys(config.volumes ?? {}));
for (const [name, service] of Object.entries(services)) {
  const where = `services.${name}`;
  const deps = Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((d) => [d, { condition: 'service_started' }]))
    : (service.depends_on ?? {});
  for (const [dep, { condition }] of Object.entries(deps)) {
    const target = services[dep];
    if (!target) {
      problems.push(`${where}.depends_on: no service "${dep}"`);
      continue;
    }
    if (condition === 'service_healthy') {
      const own = target.healthcheck && !target.healthcheck.disable;
      const dockerfile =
        target.build && join(dir, target.build.context ?? '.', target.build.dockerfile ?? 'Dockerfile');
      const fromImage =
        dockerfile &&
        existsSync(dockerfile) &&
        /^HEALTHCHECK\s+(?!NONE)/m.test(readFileSync(dockerfile, 'utf8'));
      if (!own && !fromImage)
        problems.push(`${where}.depends_on.${dep}: service_healthy, but "${dep}" has no health check`);
    }
  }
  if (service.build) {
    const dockerfile = join(dir, service.build.context ?? '.', service.build.dockerfile ?? 'Dockerfile');
    if (!existsSync(dockerfile)) problems.push(`${where}.build: ${relative(dir, dockerfile)} does not exist`);
  }
  for (const v of service.volumes ?? []) {
    const source = typeof v === 'string' ? v.split(':')[0] : v.source;
    if (source && !/^[./~]/.test(source) && !volumes.has(source))
      problems.push(`${where}.volumes: volume "${source}" is not declared`);
  }
}

for (const p of problems) console.log(`${relative(process.cwd(), file)}: ${p}`);
console.log(
  problems.length
    ? `✖ ${problems.length} problem(s) in ${relative(process.cwd(), file)}`
    : `✓ ${relative(process.cwd(), file)} is a valid Compose file (${Object.keys(services).length} services)`,
);
process.exit(problems.length ? 1 : 0);
