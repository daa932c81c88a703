import fc from 'fast-check';
import type { JsonSchema } from './operations';

/** fast-check arbitraries: values a schema allows, and the junk an attacker sends instead. */

const day = (d: Date) => d.toISOString().slice(0, 10);
const validDates = fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true });

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((s) => s.pattern)].filter(
    (p): p is string => p !== undefined,
  );
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'date':
      return validDates.map(day);
    case 'date-time':
      return validDates.map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  if (patterns.length > 0) {
    const [first, ...rest] = patterns.map((p) => new RegExp(p, 'u'));
    return fc
      .stringMatching(first!, { size: 'small' })
      .filter(
        (s) =>
          rest.every((r) => r.test(s)) && s.length >= minLength && s.length <= (schema.maxLength ?? Infinity),
      );
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

/** Values the schema describes (bounded in size: the fuzzer wants variety, not volume). */
export function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueFor(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -(2 ** 31), max: schema.maximum ?? 2 ** 31 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e9,
        max: schema.maximum ?? 1e9,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([k, s]) => [k, valueFor(s, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Numbers past what a column, a JavaScript integer or a double holds, and the odd small ones. */
export const hugeNumbers = fc.constantFrom(
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 63,
  -(2 ** 63),
  1e21,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  5e-324,
  1e-7,
  -0,
  0.1 + 0.2,
  -1,
  0,
  1.5,
);

/** Days PostgreSQL refuses or JavaScript reads differently. */
export const oddDates = fc.constantFrom(
  '0000-01-01',
  '0001-01-01',
  '0999-12-31',
  '9999-12-31',
  '10000-01-01',
  '+010000-01-01',
  '-000001-01-01',
  '2023-02-29',
  '2024-02-30',
  '2024-13-01',
  '2024-00-10',
  '2024-1-1',
  '1970-01-01T00:00:00Z',
  '2024-06-01T25:61:00Z',
  'infinity',
  '-infinity',
  'epoch',
  'now',
  'today',
  '',
);

/** Strings that break naive code: control bytes, lone surrogates, SQL and markup, very long ones. */
export const nastyStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff\ud800',
    '\u202e\u0041',
    '\ufeff',
    "'; drop table tasks; --",
    "' or '1'='1",
    '$1',
    '%s%s%s%n',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '{{7*7}}',
    '${7*7}',
    '__proto__',
    'constructor',
    'null',
    'undefined',
    'NaN',
    '-1',
    '0x10',
    '1e400',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
    '../../../../etc/passwd',
    '%00',
    '%zz',
    '\\u0000',
    'e\u0301',
    '👩‍👩‍👧‍👦',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(200, 201, 5_000, 60_000, 1_100_000).map((n) => 'x'.repeat(n)),
);

/** Anything JSON can carry where a field's value goes. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyStrings },
  { weight: 3, arbitrary: hugeNumbers },
  { weight: 2, arbitrary: oddDates },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      [],
      {},
      [null],
      [[]],
      { $gt: '' },
      JSON.parse('{"__proto__":{"isAdmin":true}}') as unknown,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      // deep nesting and long arrays
      JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown,
      Array.from({ length: 2_000 }, (_, i) => i),
      Array.from({ length: 60 }, () => '00000000-0000-4000-8000-000000000000'),
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A path segment sent as is (not encoded): broken percent-encoding and the like. */
export const rawPathJunk = fc.oneof(
  fc.constantFrom(
    '%zz',
    '%',
    '%E0%A4%A',
    '%ff%fe',
    '%c0%ae%c0%ae',
    '%c0%af',
    '%00',
    '%2e%2e',
    '..',
    '.',
    '%2F',
    '%252F',
    '%u0041',
    '%%30%30',
    'a%ZZb',
    '%ed%a0%80',
  ),
  fc
    .array(
      fc.constantFrom('%', '%z', '%zz', '%ff', '%E0%A4', '%c0', '%2F', '%00', 'a', '%25', '%F0%9F', '9'),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((parts) => parts.join('')),
);

/** A path segment that is sent percent-encoded: well formed, but not a valid id. */
export const encodedPathJunk = fc.oneof(
  nastyStrings.filter((s) => s.length > 0 && s.length < 2_000),
  fc.constantFrom('1', '-1', '0', '9'.repeat(40), 'me', 'true'),
);

/** Query values sent as is: malformed numbers, odd encodings, repeated and nested keys. */
export const rawQueryJunk = fc.constantFrom(
  '0x10',
  '1e3',
  '-1',
  '+5',
  '%205',
  '5%20',
  '1.5',
  '',
  '99999999999999999999999999',
  'NaN',
  'Infinity',
  '%zz',
  '%ff%fe',
  '%00',
  'true',
  '0000-01-01',
  'x'.repeat(600),
);

/** encodeURIComponent that takes lone surrogates too (as U+FFFD, which is what a browser sends). */
export function encode(text: string): string {
  return encodeURIComponent(
    text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'),
  );
}
