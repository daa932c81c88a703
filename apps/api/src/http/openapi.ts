import { z } from 'zod';
import { ErrorResponse } from '@teamflow/contracts/common';
import type { RouteTable } from './route-table';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return json;
}

/** The header the offline queue's replays carry (`http/idempotency.ts`). */
const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any 8–200 visible ASCII characters (a UUID): the same key with the same request within 24 h returns the first answer (Idempotent-Replayed: true) without writing again',
  schema: { type: 'string', minLength: 8, maxLength: 200 },
};

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

/** OpenAPI 3.1 built from the same Zod schemas the routes validate with: it cannot drift from the code. */
export function buildOpenApi(table: RouteTable, serverUrl: string): JsonSchema {
  const errorSchema = toSchema(ErrorResponse, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { basePath, spec } of table.routes) {
    const path = `${basePath}${spec.path}`.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(spec.responses)) {
      if (spec.produces && status.startsWith('2')) {
        responses[status] = {
          description: 'Success',
          content: { [spec.produces]: { schema: { type: 'string' } } },
        };
      } else {
        responses[status] = schema
          ? {
              description: status.startsWith('2') ? 'Success' : 'Error',
              content: { 'application/json': { schema: toSchema(schema, 'output') } },
            }
          : { description: noBodyDescription(status) };
      }
    }
    // Answers any route can give, documented once here rather than on every route.
    const common: Record<string, string> = {
      ...(spec.access.kind !== 'public'
        ? { '401': 'Missing, invalid, expired or revoked access token' }
        : {}),
      ...(spec.rateLimit !== 'none'
        ? { '429': 'Rate limit exceeded (see Retry-After and RateLimit-* headers)' }
        : {}),
      ...(spec.idempotent
        ? {
            '409': 'Stale version, or IDEMPOTENCY_IN_PROGRESS: the first request with this key still runs',
            '422': 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request',
          }
        : {}),
      '500': 'Unexpected failure (no internals are exposed)',
      '503': 'A dependency (database or Redis) is unavailable',
    };
    for (const [status, description] of Object.entries(common)) {
      responses[status] ??= { description, content: { 'application/json': { schema: errorSchema } } };
    }
    paths[path] ??= {};
    paths[path][spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      operationId: `${spec.method}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(spec.access.kind === 'public' ? { security: [] } : {}),
      ...(spec.access.kind === 'permission' ? { 'x-permission': spec.access.permission } : {}),
      parameters: [
        ...parametersOf(spec.params, 'path'),
        ...parametersOf(spec.query, 'query'),
        ...(spec.idempotent ? [IDEMPOTENCY_KEY_PARAMETER] : []),
      ],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(spec.body, 'input') } },
            },
          }
        : spec.upload
          ? {
              requestBody: {
                required: true,
                content: {
                  'multipart/form-data': {
                    schema: {
                      type: 'object',
                      required: [spec.upload.field],
                      properties: { [spec.upload.field]: { type: 'string', format: 'binary' } },
                    },
                  },
                },
              },
            }
          : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'TeamFlow API',
      version: '1.0.0',
      description: 'REST contract of TeamFlow. Errors: { error: { code, message, details?, requestId } }.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }],
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

function noBodyDescription(status: string): string {
  if (status.startsWith('2')) return 'Success, no content';
  // Browser sign-in steps answer with a redirect (Location) rather than a body.
  if (status.startsWith('3')) return 'Redirect (see Location)';
  return 'Error';
}
