import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** What a remote model is asked to return: a named JSON Schema made from the Zod schema we validate with. */
export interface StructuredOutput<S extends z.ZodType = z.ZodType> {
  /** a-z, 0-9, _ and - (OpenAI's rule for response format and tool names). */
  name: string;
  description: string;
  zod: S;
  /** The JSON Schema sent: OpenAI's response_format and Anthropic's tool input_schema. */
  jsonSchema: JsonSchema & { type: 'object' };
}

/** Keywords OpenAI's strict mode rejects or ignores; Zod checks them on the answer anyway. */
const DROPPED = ['$schema', 'default', 'minLength', 'maxLength', 'examples', 'readOnly', 'writeOnly'];
const STRICT_FORMATS = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
]);

/**
 * Zod 4's own JSON Schema (as the model's input to us: defaults make a field optional), adjusted
 * to OpenAI's strict subset: every object closed (`additionalProperties: false`) with every property
 * required; a property that was optional may be null instead (see `withoutNulls`); keywords outside
 * the subset dropped (lengths, defaults), and a `format` kept in place of its regex `pattern`.
 */
export function strictJsonSchema(schema: z.ZodType): JsonSchema & { type: 'object' } {
  const converted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
  const out = adjust(converted);
  if (out.type !== 'object') throw new Error('a structured output must be a JSON object');
  return out as JsonSchema & { type: 'object' };
}

function adjust(node: unknown): JsonSchema {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node as JsonSchema)) {
    if (DROPPED.includes(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, child]) => [name, adjust(child)]),
      );
    } else if (key === 'items' || key === 'additionalProperties') {
      out[key] = typeof value === 'object' ? adjust(value) : value;
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf' || key === 'prefixItems') {
      out[key === 'oneOf' ? 'anyOf' : key] = (value as unknown[]).map(adjust);
    } else {
      out[key] = value;
    }
  }
  if (typeof out.format === 'string') {
    if (STRICT_FORMATS.has(out.format)) delete out.pattern;
    else delete out.format;
  }
  if (out.type === 'object' && out.properties) {
    const properties = out.properties as Record<string, JsonSchema>;
    const required = new Set((out.required as string[] | undefined) ?? []);
    const original = (node as { properties: Record<string, JsonSchema> }).properties;
    // Optional with a default (a description that may be empty): required as is. Truly optional: may be null.
    for (const [name, child] of Object.entries(properties))
      if (!required.has(name) && !('default' in (original[name] ?? {}))) properties[name] = nullable(child);
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  return out;
}

function nullable(schema: JsonSchema): JsonSchema {
  // An enum lists its values: null must be a branch of its own, not just another type.
  if (typeof schema.type === 'string' && !('enum' in schema) && !('const' in schema))
    return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** Strict mode sends `null` for a field that was optional; Zod wants it absent. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  return value;
}

export function structuredOutput<S extends z.ZodType>(
  name: string,
  description: string,
  zod: S,
): StructuredOutput<S> {
  return { name, description, zod, jsonSchema: strictJsonSchema(zod) };
}
