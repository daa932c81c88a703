import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { createApiServer } from '../../src/http/api-server';
import { startApi, V1, type TestApi } from '../harness';
import { routeKey } from '../route-requests';
import { operationsOf, type OpenApiDocument, type Operation } from './operations';
import { casePlan } from './plan';
import { FuzzFinding, runCase, type Target } from './run-case';
import { readFuzzSettings } from './settings';
import { buildWorld, CALLERS, type Caller } from './world';

/**
 * The contract fuzzer. It reads the api's own OpenAPI document, so every route is fuzzed as soon
 * as it exists, and sends each operation, as each caller (owner, admin, member, viewer, stranger,
 * anonymous), valid requests spoiled in their path parameters, query, body, headers and encoding.
 * It fails on any 5xx, an error outside the one shape, leaked internals, an error reported to
 * Sentry, a 2xx the permission table forbids, or a protected field taken from the body.
 *
 * Every operation × caller gets one case first; further rounds run until FUZZ_BUDGET_S is spent.
 * Cases derive from FUZZ_SEED, so a failure replays with the same seed (see settings.ts).
 */

const settings = readFuzzSettings();
/** Findings shrunk to a minimal case before the rest are reported as found (shrinking re-sends). */
const SHRINK_FIRST = 5;
const STOP_AFTER = 40;

let api: TestApi;
let server: Server;
let target: Target;
let operations: Operation[];

beforeAll(async () => {
  api = await startApi();
  const reported: unknown[] = [];
  api.deps.reportError = (error) => void reported.push(error);
  // The server as server.ts builds it, so what Node's parser refuses is fuzzed too.
  server = createApiServer(api.app, api.deps.logger);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const doc = await api.http().get(`${V1}/openapi.json`);
  operations = operationsOf(doc.body as OpenApiDocument).filter(
    (op) => !settings.only || op.key.includes(settings.only),
  );
  target = {
    world: await buildWorld(api),
    baseUrl: `http://127.0.0.1:${port}`,
    reported,
    answers: new Map(),
  };
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await api.close();
});

/** FNV-1a over the case's name and round: a stable 32-bit seed per case, whatever runs before it. */
function caseSeed(op: Operation, caller: Caller, round: number): number {
  let hash = 0x811c9dc5 ^ settings.seed;
  for (const char of `${op.key}|${caller}|${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash | 0;
}

it('reads every route the api registers from its OpenAPI document', () => {
  if (settings.only) return;
  expect(operations.map((op) => op.routeKey).sort()).toEqual(api.routes.routes.map(routeKey).sort());
});

it(
  'finds no 5xx, no error outside the one shape, no leak, no 2xx the permission table forbids and no mass assignment',
  async () => {
    const started = Date.now();
    const deadline = started + settings.budgetSeconds * 1000;
    const findings: string[] = [];
    let cases = 0;
    let rounds = 0;
    run: for (let round = 0; round === 0 || Date.now() < deadline; round++) {
      rounds = round + 1;
      for (const op of operations) {
        for (const caller of CALLERS) {
          if (round > 0 && Date.now() >= deadline) break run;
          const seed = caseSeed(op, caller, round);
          const details = await fc.check(
            fc.asyncProperty(casePlan(op, caller), (plan) => runCase(target, op, caller, plan)),
            { seed, numRuns: 1, endOnFailure: findings.length >= SHRINK_FIRST },
          );
          cases++;
          if (!details.failed) continue;
          const error = details.errorInstance;
          const message =
            error instanceof FuzzFinding
              ? error.message
              : String(error instanceof Error ? error.stack : error);
          findings.push(
            `${op.key} as ${caller} (round ${round}, seed ${seed}, ${details.numShrinks} shrinks): ${message}\n` +
              `  plan:     ${fc.stringify(details.counterexample?.[0]).slice(0, 600)}`,
          );
          if (findings.length >= STOP_AFTER) break run;
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `contract fuzzer: ${cases} cases over ${operations.length} operations × ${CALLERS.length} callers, ` +
        `${rounds} round(s) in ${seconds} s (FUZZ_SEED=${settings.seed}, FUZZ_BUDGET_S=${settings.budgetSeconds}), ` +
        `${findings.length} finding(s)\n  answers: ${[...target.answers]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([kind, n]) => `${kind} ×${n}`)
          .join(', ')}\n`,
    );
    expect(findings).toEqual([]);
  },
  (settings.budgetSeconds + 300) * 1000,
);
