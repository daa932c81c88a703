import fc from 'fast-check';
import {
  encode,
  encodedPathJunk,
  hugeNumbers,
  junkValue,
  nastyStrings,
  oddDates,
  rawPathJunk,
  rawQueryJunk,
  valueFor,
} from './arbitraries';
import type { JsonSchema, Operation } from './operations';
import type { Caller } from './world';

/**
 * One fuzz case, as data (so fast-check can generate, replay and shrink it): how each part of a
 * valid request for the operation is kept or spoiled.
 */
export interface CasePlan {
  auth: AuthPlan;
  /** A body generated from the operation's schema, used where no recipe gives a valid one. */
  schemaBody: unknown;
  params: Record<string, ParamPlan>;
  query: QueryPlan;
  body: BodyPlan;
  transport: TransportPlan;
}

/** `token`: the caller's real access token. The rest are what an anonymous caller may try. */
export type AuthPlan = 'token' | 'none' | 'garbage' | 'alg-none' | 'tampered' | 'empty-bearer' | 'basic';

export type ParamPlan =
  | { kind: 'valid' }
  /** The same kind of resource in a workspace the caller is not in. */
  | { kind: 'foreign' }
  /** An id no resource has. */
  | { kind: 'unknown'; id: string }
  /** Sent as is: broken percent-encoding, dot segments. */
  | { kind: 'raw'; text: string }
  /** Sent percent-encoded: well-formed, not an id. */
  | { kind: 'encoded'; text: string };

export type QueryPlan =
  | { kind: 'valid' }
  /** Values the schema describes (some of them out of bounds). */
  | { kind: 'generated'; values: Record<string, unknown> }
  /** A raw query string: malformed numbers, repeated, nested and prototype keys. */
  | { kind: 'raw'; pairs: [string, string][] };

/** Keys a client must never set: each is dropped by the schema, or the request is refused. */
export const PROTECTED_KEYS = [
  'id',
  'workspaceId',
  'projectId',
  'taskId',
  'createdBy',
  'createdById',
  'authorId',
  'ownerId',
  'userId',
  'role',
  'version',
  'number',
  'key',
  'seq',
  'position',
  'taskCounter',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'email',
  'emailVerified',
  'isPlatformAdmin',
  'passwordHash',
  'tokenVersion',
] as const;

/**
 * What an injected protected key carries: distinctive values, so a response that echoes one is
 * caught; `{ foreign: true }` stands for another workspace's id of that kind, filled in when sent.
 */
export type Injection = [key: string, value: unknown];

export type Edit =
  | { op: 'set'; key: string; value: unknown }
  | { op: 'drop'; key: string }
  /** The field gets a foreign resource's id. */
  | { op: 'foreign'; key: string };

export type BodyPlan =
  /** The recipe's valid body (or one generated from the schema), plus protected keys it does not declare. */
  | { kind: 'valid'; inject: Injection[] }
  | { kind: 'edited'; edits: Edit[]; inject: Injection[] }
  | { kind: 'generated'; value: unknown }
  /** A JSON value of the wrong shape. */
  | { kind: 'replaced'; value: unknown }
  /** Bytes that are not JSON, or not UTF-8. */
  | { kind: 'raw'; text: string }
  | { kind: 'none' };

export interface TransportPlan {
  /** null: no Content-Type header. */
  contentType: string | null;
  /** null: no Content-Encoding header. */
  contentEncoding: string | null;
  /** Whether the bytes really are compressed as Content-Encoding says (when we can). */
  compress: boolean;
  headers: Record<string, string>;
}

const DISTINCT = 424242;
const injectionValue = (key: string): fc.Arbitrary<unknown> => {
  if (['id', 'workspaceId', 'projectId', 'taskId'].includes(key))
    return fc.oneof(fc.constant({ foreign: true }), fc.uuid({ version: 4 }));
  if (key.endsWith('Id') || key === 'createdBy') return fc.uuid({ version: 4 });
  if (key === 'role') return fc.constantFrom('owner', 'admin');
  if (['version', 'number', 'seq', 'position', 'taskCounter', 'tokenVersion'].includes(key))
    return fc.constantFrom(DISTINCT, 2 ** 31 - 1);
  if (key.endsWith('At')) return fc.constant('1999-09-09T09:09:09.000Z');
  if (key === 'email') return fc.constant('intruder-424242@example.test');
  if (key === 'key') return fc.constant('HACKED');
  if (key === 'passwordHash') return fc.constant('$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA');
  return fc.constant(true);
};

function injections(op: Operation): fc.Arbitrary<Injection[]> {
  const declared = new Set(Object.keys(op.body?.properties ?? {}));
  const free = PROTECTED_KEYS.filter((k) => !declared.has(k));
  return fc
    .subarray(free, { maxLength: 4 })
    .chain((keys) =>
      keys.length === 0
        ? fc.constant([] as Injection[])
        : fc.tuple(...keys.map((k) => injectionValue(k).map((v): Injection => [k, v]))),
    );
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'application/merge-patch+json',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/*',
  '*/*',
  'application/xml',
];
const CONTENT_ENCODINGS = [
  'gzip',
  'deflate',
  'br',
  'compress',
  'identity',
  'gzip, gzip',
  'zstd',
  'x-gzip',
  'GZIP',
  '',
];

const transport: fc.Arbitrary<TransportPlan> = fc.record({
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  ),
  contentEncoding: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    // What body-parser inflates (a false claim must be a 400), and what it does not (415).
    { weight: 3, arbitrary: fc.constantFrom('gzip', 'deflate', 'br') },
    { weight: 2, arbitrary: fc.constantFrom(...CONTENT_ENCODINGS) },
  ),
  compress: fc.boolean(),
  headers: fc.oneof(
    { weight: 6, arbitrary: fc.constant({}) },
    {
      weight: 2,
      arbitrary: fc
        .subarray(
          [
            ['X-Request-Id', ['a'.repeat(300), 'x y', 'id\tx', '../../', '%zz', '', 'é']],
            ['X-Forwarded-For', ['junk', '%zz', '999.999.999.999', '::1, 10.0.0.1, , ,', 'a'.repeat(2000)]],
            [
              'Cookie',
              ['tf_refresh=%zz', 'tf_refresh=', 'tf_admin=junk; tf_refresh=junk', '=;=;', 'a=%E0%A4%A'],
            ],
            ['Accept', ['text/html', '*/*;q=abc', 'application/xml', '']],
            ['Origin', ['null', 'http://evil.example', 'file://']],
            // With the Content-Length the client adds: a request smuggling shape Node's parser refuses.
            ['Transfer-Encoding', ['chunked']],
          ] as [string, string[]][],
          { minLength: 1, maxLength: 2 },
        )
        .chain((picked) =>
          fc.tuple(
            ...picked.map(([name, values]) => fc.constantFrom(...values).map((v) => [name, v] as const)),
          ),
        )
        .map((pairs) => Object.fromEntries(pairs)),
    },
  ),
});

function paramPlan(): fc.Arbitrary<ParamPlan> {
  return fc.oneof(
    { weight: 14, arbitrary: fc.constant<ParamPlan>({ kind: 'valid' }) },
    { weight: 2, arbitrary: fc.constant<ParamPlan>({ kind: 'foreign' }) },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }).map((id): ParamPlan => ({ kind: 'unknown', id })) },
    { weight: 2, arbitrary: rawPathJunk.map((text): ParamPlan => ({ kind: 'raw', text })) },
    { weight: 1, arbitrary: encodedPathJunk.map((text): ParamPlan => ({ kind: 'encoded', text })) },
  );
}

function queryPlan(op: Operation): fc.Arbitrary<QueryPlan> {
  const names = op.queryParams.map((p) => p.name);
  const generated = fc
    .record(Object.fromEntries(op.queryParams.map((p) => [p.name, valueFor(p.schema)])), { requiredKeys: [] })
    .map((values): QueryPlan => ({ kind: 'generated', values }));
  const keys = fc.constantFrom(
    ...names,
    ...names.map((n) => `${n}[]`),
    ...names.map((n) => `${n}[a]`),
    '__proto__[admin]',
    'constructor[prototype][admin]',
    'a[b][c][d][e][f][g]',
    'x',
  );
  const value = fc.oneof(
    rawQueryJunk,
    nastyStrings.map((s) => encode(s.slice(0, 300))),
  );
  const raw = fc
    .array(fc.tuple(keys, value), { minLength: 1, maxLength: 4 })
    .map((pairs): QueryPlan => ({ kind: 'raw', pairs }));
  const plans: fc.WeightedArbitrary<QueryPlan>[] = [
    { weight: 10, arbitrary: fc.constant<QueryPlan>({ kind: 'valid' }) },
    { weight: 3, arbitrary: raw },
  ];
  if (names.length) plans.push({ weight: 3, arbitrary: generated });
  return fc.oneof(...plans);
}

/** Whether a field holds ids (a uuid, a list of them, or either or null). */
function holdsIds(schema: JsonSchema): boolean {
  if (schema.format === 'uuid') return true;
  if (schema.items) return holdsIds(schema.items);
  return (schema.anyOf ?? schema.oneOf ?? []).some(holdsIds);
}

function bodyPlan(op: Operation): fc.Arbitrary<BodyPlan> {
  const props = Object.keys(op.body?.properties ?? {});
  const idProps = Object.entries(op.body?.properties ?? {})
    .filter(([, schema]) => holdsIds(schema))
    .map(([key]) => key);
  const edits: fc.WeightedArbitrary<Edit>[] = [
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant('set' as const),
        key: fc.constantFrom(...props, 'unexpected'),
        value: fc.oneof(junkValue, hugeNumbers, oddDates),
      }),
    },
  ];
  if (props.length)
    edits.push({
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('drop' as const), key: fc.constantFrom(...props) }),
    });
  if (idProps.length)
    edits.push({
      weight: 2,
      arbitrary: fc.record({ op: fc.constant('foreign' as const), key: fc.constantFrom(...idProps) }),
    });
  const edit = fc.oneof(...edits);
  const raw = fc.oneof(
    fc.constantFrom(
      '{',
      '',
      ' ',
      'null',
      '"text"',
      '1',
      '[]',
      '{"a":1}garbage',
      '\ufeff{}',
      '{"a":"\\ud800"}',
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '['.repeat(10_000),
      '{"a":'.repeat(5_000),
      '\u0000',
      '\xff\xfe{}',
      'a=1&b=2',
      '<xml/>',
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: injections(op).map((inject): BodyPlan => ({ kind: 'valid', inject })) },
    {
      weight: 6,
      arbitrary: fc
        .record({ edits: fc.array(edit, { minLength: 1, maxLength: 3 }), inject: injections(op) })
        .map((r): BodyPlan => ({ kind: 'edited', ...r })),
    },
    { weight: 3, arbitrary: valueFor(op.body).map((value): BodyPlan => ({ kind: 'generated', value })) },
    { weight: 1, arbitrary: junkValue.map((value): BodyPlan => ({ kind: 'replaced', value })) },
    { weight: 2, arbitrary: raw.map((text): BodyPlan => ({ kind: 'raw', text })) },
    { weight: 1, arbitrary: fc.constant<BodyPlan>({ kind: 'none' }) },
  );
}

const VALID_PARAMS = (op: Operation): Record<string, ParamPlan> =>
  Object.fromEntries(op.pathParams.map((p) => [p.name, { kind: 'valid' }]));
const PLAIN: TransportPlan = {
  contentType: 'application/json',
  contentEncoding: null,
  compress: false,
  headers: {},
};

/**
 * The arbitrary of one case for `op` sent by `caller`. Most cases spoil one part of a valid
 * request (so the answer says something about that part, and valid requests with injected
 * protected keys succeed often enough to test mass assignment); some spoil everything at once.
 */
export function casePlan(op: Operation, caller: Caller): fc.Arbitrary<CasePlan> {
  const auth: fc.Arbitrary<AuthPlan> =
    caller === 'anonymous'
      ? fc.constantFrom('none', 'garbage', 'alg-none', 'tampered', 'empty-bearer', 'basic')
      : fc.oneof(
          { weight: 12, arbitrary: fc.constant('token' as const) },
          { weight: 1, arbitrary: fc.constant('garbage' as const) },
        );
  const parts = {
    auth,
    schemaBody: op.body ? valueFor(op.body) : fc.constant(undefined),
    params: fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, paramPlan()]))) as fc.Arbitrary<
      Record<string, ParamPlan>
    >,
    query: queryPlan(op),
    body: bodyPlan(op),
    transport,
  };
  const valid = {
    auth: caller === 'anonymous' ? auth : fc.constant<AuthPlan>('token'),
    schemaBody: parts.schemaBody,
    params: fc.constant(VALID_PARAMS(op)),
    query: fc.constant<QueryPlan>({ kind: 'valid' }),
    body: injections(op).map((inject): BodyPlan => ({ kind: 'valid', inject })),
    transport: fc.constant(PLAIN),
  };
  const spoil = (part: keyof typeof parts) =>
    fc.record({ ...valid, [part]: parts[part] }) as fc.Arbitrary<CasePlan>;
  const cases: fc.WeightedArbitrary<CasePlan>[] = [
    { weight: 4, arbitrary: fc.record(valid) },
    { weight: 3, arbitrary: spoil('body') },
    { weight: 2, arbitrary: spoil('transport') },
    { weight: 2, arbitrary: fc.record(parts) },
    { weight: 1, arbitrary: spoil('auth') },
  ];
  if (op.pathParams.length) cases.push({ weight: 3, arbitrary: spoil('params') });
  if (op.queryParams.length) cases.push({ weight: 2, arbitrary: spoil('query') });
  return fc.oneof(...cases);
}
