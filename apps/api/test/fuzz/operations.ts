import type { Permission } from '@teamflow/contracts/permissions';

/** The subset of JSON Schema 2020-12 that z.toJSONSchema writes into our OpenAPI document. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** One operation of the served OpenAPI document, as the fuzzer needs it. */
export interface Operation {
  /** `PATCH /api/v1/tasks/{taskId}` */
  key: string;
  /** The same in Express's spelling, `PATCH /api/v1/tasks/:taskId` (the request recipes' key). */
  routeKey: string;
  method: Method;
  template: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
  /** The permission the route checks (`x-permission`); none for public and account routes. */
  permission?: Permission;
  /** `security: []`: callable without a token. */
  isPublic: boolean;
}

interface OpenApiOperation {
  'x-permission'?: Permission;
  security?: unknown[];
  parameters?: { name: string; in: 'path' | 'query'; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, OpenApiOperation>>>;
}

/** Every operation of the document: routes added later are fuzzed without touching the fuzzer. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods) as [Method, OpenApiOperation][]) {
      const parameters = op.parameters ?? [];
      operations.push({
        key: `${method.toUpperCase()} ${template}`,
        routeKey: `${method.toUpperCase()} ${template.replace(/\{(\w+)\}/g, ':$1')}`,
        method,
        template,
        pathParams: parameters.filter((p) => p.in === 'path').map(({ name, schema }) => ({ name, schema })),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map(({ name, schema, required }) => ({ name, schema, required: required === true })),
        body: op.requestBody?.content['application/json']?.schema,
        permission: op['x-permission'],
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return operations;
}
