import { resolve } from 'node:path';
import { ErrorCode } from '@teamflow/contracts/common';
import { AppError } from '@teamflow/core/platform/errors';

/** What a response must never be, whoever sent what. Each returns a reason, or undefined. */

export interface Seen {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
  body: unknown;
}

const REPO_ROOT = resolve(__dirname, '../../../..');

/** Internals that must never reach a client: stack frames, source paths, SQL and driver errors. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?\S+ \([^)]*:\d+:\d+\)|\bat \S+\.(?:ts|js|mjs|cjs):\d+:\d+/],
  [
    'a source path',
    new RegExp(`${REPO_ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|node_modules|/src/[\\w/-]+\\.ts`),
  ],
  [
    'an SQL or driver error',
    /syntax error at or near|violates (?:unique|foreign key|check|not-null) constraint|relation "[^"]+" does not exist|column "[^"]+" (?:does not exist|of relation)|invalid input (?:syntax|value) for|out of range for type|duplicate key value|Failed query:|DrizzleQueryError|\bSQLSTATE\b|date\/time field value out of range/i,
  ],
  ['an exception name', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|URIError|ZodError|AppError)\b/],
];

export function leak(seen: Seen): string | undefined {
  const isJson = (seen.headers['content-type'] ?? '').startsWith('application/json');
  if (!isJson && seen.status < 400) return undefined;
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(seen.text);
    if (match) return `the response leaks ${what}: ${JSON.stringify(match[0])}`;
  }
  return undefined;
}

export function serverError(seen: Seen): string | undefined {
  return seen.status >= 500 ? `answered ${seen.status}` : undefined;
}

const CODES = new Set<string>(ErrorCode.options);

/** `{ error: { code, message, details?, requestId } }`, nothing else, with the status its code fixes. */
export function errorShape(seen: Seen): string | undefined {
  if (seen.status < 400) return undefined;
  if (!(seen.headers['content-type'] ?? '').startsWith('application/json'))
    return `a ${seen.status} that is not JSON (${seen.headers['content-type'] ?? 'no content type'}): ${seen.text.slice(0, 120)}`;
  const body = seen.body as { error?: Record<string, unknown> } | null;
  const error = body?.error;
  if (
    !body ||
    typeof body !== 'object' ||
    Object.keys(body).join() !== 'error' ||
    !error ||
    typeof error !== 'object'
  )
    return `a ${seen.status} outside the error shape: ${seen.text.slice(0, 200)}`;
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'details', 'requestId'].includes(k));
  if (extra.length) return `error has keys outside the shape: ${extra.join(', ')}`;
  if (typeof error.code !== 'string' || !CODES.has(error.code))
    return `unknown error code ${JSON.stringify(error.code)}`;
  if (typeof error.message !== 'string' || error.message === '')
    return 'error.message is not a non-empty string';
  if (error.requestId !== seen.headers['x-request-id'])
    return `error.requestId ${JSON.stringify(error.requestId)} is not the X-Request-Id header ${JSON.stringify(seen.headers['x-request-id'])}`;
  const status = new AppError(error.code as ErrorCode, '').status;
  if (status !== seen.status) return `${error.code} answered with ${seen.status}, its status is ${status}`;
  if (error.code === 'VALIDATION_ERROR' && error.details !== undefined) {
    const fine =
      Array.isArray(error.details) &&
      error.details.every(
        (d: unknown) =>
          typeof d === 'object' &&
          d !== null &&
          typeof (d as { field?: unknown }).field === 'string' &&
          typeof (d as { message?: unknown }).message === 'string',
      );
    if (!fine)
      return `VALIDATION_ERROR details are not [{field, message}]: ${JSON.stringify(error.details).slice(0, 200)}`;
  }
  return undefined;
}

/** Where in `value` (objects and arrays, a few levels down) a key holds exactly `expected`. */
export function findEcho(value: unknown, key: string, expected: unknown, depth = 0): string | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findEcho(item, key, expected, depth + 1);
      if (found) return `[${i}]${found}`;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (key in record && JSON.stringify(record[key]) === JSON.stringify(expected)) return `.${key}`;
  for (const [k, v] of Object.entries(record)) {
    const found = findEcho(v, key, expected, depth + 1);
    if (found) return `.${k}${found}`;
  }
  return undefined;
}

export const ROLE_RANK: Record<string, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };
