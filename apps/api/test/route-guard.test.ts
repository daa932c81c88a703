import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import { RouteTable, USER } from '../src/http/route-table';
import { startApi, type TestApi } from './harness';
import { isPermissionRoute, routeKey, type RegisteredRoute } from './route-requests';

/**
 * The test that fails if a route reaches Express without going through the RouteTable (and so
 * without an access rule): it reads Express's own router stacks, not our bookkeeping.
 */

let api: TestApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

interface Layer {
  name: string;
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean | undefined> };
  handle: { stack?: Layer[] };
}

/** Every route layer Express would dispatch to (`METHOD /full/path`), and every non-route handler inside mounted routers. */
function walk(app: Express) {
  const routes: string[] = [];
  const mountedMiddleware: string[] = [];
  const visit = (stack: Layer[], prefix: string, mounted: boolean) => {
    for (const layer of stack) {
      const raw = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      if (layer.route) {
        for (const path of ([] as string[]).concat(layer.route.path)) {
          for (const [method, on] of Object.entries(layer.route.methods))
            if (on) routes.push(`${method.toUpperCase()} ${prefix}${path}`);
        }
      } else if (Array.isArray(layer.handle.stack)) {
        visit(layer.handle.stack, `${prefix}${raw}`, true);
      } else if (mounted) {
        mountedMiddleware.push(`${prefix}${raw} ${layer.name}`);
      }
    }
  };
  visit((app as unknown as { router: { stack: Layer[] } }).router.stack, '', false);
  return { routes, mountedMiddleware };
}

/** Express routes with no RouteTable entry for the same method and path (counted, so a duplicate shows up too). */
function unguarded(app: Express, table: readonly RegisteredRoute[]): string[] {
  const left = table.map(routeKey);
  return walk(app).routes.filter((key) => {
    const i = left.indexOf(key);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('every route Express serves went through the RouteTable', () => {
  it('finds the routes in Express’s router stacks (the walker sees the app)', () => {
    const { routes } = walk(api.app);
    expect(routes).toEqual(
      expect.arrayContaining(['GET /health', 'POST /api/v1/auth/login', 'DELETE /api/v1/tasks/:taskId']),
    );
    expect(routes.length).toBe(api.routes.routes.length);
  });

  it('matches every Express route to exactly one RouteTable entry with an access rule, and vice versa', () => {
    expect(unguarded(api.app, api.routes.routes)).toEqual([]);
    expect(walk(api.app).routes.sort()).toEqual(api.routes.routes.map(routeKey).sort());
    for (const { spec } of api.routes.routes)
      expect(['public', 'user', 'permission']).toContain(spec.access.kind);
  });

  it('has no other handlers inside mounted routers than the static Swagger UI assets and the guarded Bull Board', () => {
    // Bull Board brings its own Express app (UI, JSON api, assets): the one documented exception
    // to the RouteTable, mounted behind requirePlatformAdmin, which must come first (admin.test.ts
    // checks its 401/403 answers).
    expect(walk(api.app).mountedMiddleware).toEqual([
      '/api/docs/assets serveStatic',
      '/admin/queues requirePlatformAdmin',
      '/admin/queues contentSecurityPolicyMiddleware',
      '/admin/queues app',
    ]);
  });

  it('would report a route added straight to an Express router, bypassing the table', () => {
    const app = express();
    const router = express.Router();
    const table = new RouteTable(api.deps);
    table.add(router, '/api/v1', {
      method: 'get',
      path: '/guarded',
      summary: 'guarded',
      tag: 'Test',
      access: USER,
      responses: { 204: null },
      handler: () => Promise.resolve(undefined),
    });
    router.get('/rogue', (_req, res) => void res.end());
    router.get('/guarded', (_req, res) => void res.end());
    app.use('/api/v1', router);
    expect(unguarded(app, table.routes).sort()).toEqual(['GET /api/v1/guarded', 'GET /api/v1/rogue']);
  });
});

describe('RouteTable.add', () => {
  it('throws for a spec without an access rule and registers nothing', () => {
    const router = express.Router();
    const table = new RouteTable(api.deps);
    const spec = {
      method: 'get' as const,
      path: '/open',
      summary: 'no rule',
      tag: 'Test',
      responses: { 200: null },
      handler: () => Promise.resolve(undefined),
    };
    expect(() => table.add(router, '/api/v1', spec as unknown as Parameters<RouteTable['add']>[2])).toThrow(
      'Route GET /open declares no access rule',
    );
    expect(router.stack).toHaveLength(0);
    expect(table.routes).toHaveLength(0);
  });
});

describe('access rules', () => {
  it('resolves each permission route’s workspace from a path parameter the route actually has', () => {
    const broken = api.routes.routes
      .filter(isPermissionRoute)
      .filter((r) => !r.spec.path.split('/').includes(`:${r.spec.access.param}`) || !r.spec.params)
      .map(routeKey);
    expect(broken).toEqual([]);
  });

  it('makes only the sign-in, token, health, metrics, docs, browser CSP report, calendar feed and GitHub webhook routes public', () => {
    const pub = api.routes.routes
      .filter((r) => r.spec.access.kind === 'public')
      .map(routeKey)
      .sort();
    expect(pub).toEqual(
      [
        'GET /api/docs',
        'GET /api/docs/init.js',
        'GET /api/v1/openapi.json',
        'GET /health',
        'GET /health/ready',
        'GET /metrics',
        // The same, under the base path API.md puts every path under.
        'GET /api/v1/health',
        'GET /api/v1/health/ready',
        'GET /api/v1/metrics',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/auth/register',
        'POST /api/v1/auth/forgot-password',
        'POST /api/v1/auth/reset-password',
        'POST /api/v1/auth/verify-email',
        // Google sign-in is browser redirects; the sign-in page asks which methods exist before anyone signs in.
        'GET /api/v1/auth/google',
        'GET /api/v1/auth/google/callback',
        'GET /api/v1/auth/sign-in-methods',
        // Browsers send CSP violation reports without credentials.
        'POST /api/v1/csp-reports',
        // Calendar apps fetch the feed with nothing but its secret URL.
        'GET /api/v1/calendar/:token.ics',
        // GitHub signs its requests with the workspace's secret (X-Hub-Signature-256) instead.
        'POST /api/v1/integrations/github/:workspaceId/webhook',
      ].sort(),
    );
  });

  it('refuses every non-public route without a token (401 UNAUTHORIZED)', async () => {
    const guarded = api.routes.routes.filter((r) => r.spec.access.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(30);
    const answers: string[] = [];
    for (const route of guarded) {
      const path = `${route.basePath}${route.spec.path}`.replace(/:(\w+)/g, (_m, name: string) =>
        name === 'token' ? 'x'.repeat(32) : randomUUID(),
      );
      const res = await api.http()[route.spec.method](path).send({});
      answers.push(`${routeKey(route)} → ${res.status} ${String(res.body?.error?.code)}`);
    }
    expect(answers.filter((a) => !a.endsWith('→ 401 UNAUTHORIZED'))).toEqual([]);
  });
});
