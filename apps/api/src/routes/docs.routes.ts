import { dirname } from 'node:path';
import express, { type Router } from 'express';
import { z } from 'zod';
import { buildOpenApi } from '../http/openapi';
import type { ApiDeps } from '../deps';
import { PUBLIC, type RouteTable } from '../http/route-table';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TeamFlow API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui' });`;

/** The served OpenAPI document and a Swagger UI page, its assets from the swagger-ui-dist package (no CDN). */
export function docsRoutes(table: RouteTable, root: Router, v1: Router, deps: ApiDeps): void {
  let document: Record<string, unknown> | undefined;
  table.add(v1, '/api/v1', {
    method: 'get',
    path: '/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    tag: 'Operations',
    access: PUBLIC,
    rateLimit: 'none',
    responses: { 200: z.record(z.string(), z.unknown()) },
    handler: () =>
      Promise.resolve((document ??= buildOpenApi(table, `${deps.env.API_URL.replace(/\/$/, '')}`))),
  });
  root.use(
    '/api/docs/assets',
    express.static(dirname(require.resolve('swagger-ui-dist/package.json')), { index: false }),
  );
  table.add(root, '', {
    method: 'get',
    path: '/api/docs',
    summary: 'API reference page',
    tag: 'Operations',
    access: PUBLIC,
    rateLimit: 'none',
    produces: 'text/html',
    responses: { 200: null },
    handler: ({ res }) => Promise.resolve(void res.type('html').send(PAGE)),
  });
  table.add(root, '', {
    method: 'get',
    path: '/api/docs/init.js',
    summary: 'API reference page script',
    tag: 'Operations',
    access: PUBLIC,
    rateLimit: 'none',
    produces: 'application/javascript',
    responses: { 200: null },
    handler: ({ res }) => Promise.resolve(void res.type('application/javascript').send(INIT)),
  });
}
