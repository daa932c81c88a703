/**
 * How much the contract fuzzer does. `npm test` runs the defaults (a fixed seed, a bounded
 * budget); a deeper run sets them, e.g.
 * `FUZZ_SEED=7 FUZZ_BUDGET_S=600 npx jest test/fuzz` in apps/api (or `npm run fuzz` at the root).
 */
export interface FuzzSettings {
  /** Every case's randomness derives from it: the same seed sends the same requests. */
  seed: number;
  /** Seconds of fuzzing after the first full round (every operation × every caller) is done. */
  budgetSeconds: number;
  /** Only operations whose `METHOD /path` contains this text (to replay one finding). */
  only?: string;
}

const DEFAULT_SEED = 20261206;
const DEFAULT_BUDGET_S = 25;

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

export function readFuzzSettings(env: Record<string, string | undefined> = process.env): FuzzSettings {
  return {
    seed: int('FUZZ_SEED', env.FUZZ_SEED, DEFAULT_SEED),
    budgetSeconds: int('FUZZ_BUDGET_S', env.FUZZ_BUDGET_S, DEFAULT_BUDGET_S),
    only: env.FUZZ_ONLY || undefined,
  };
}
