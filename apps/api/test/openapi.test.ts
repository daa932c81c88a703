import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { knownActivity, type Activity } from '@teamflow/contracts/activity';
import { grantFor } from '@teamflow/contracts/permissions';
import {
  auth,
  createTeam,
  registerUser,
  startApi,
  uniqueEmail,
  V1,
  type TeamFixture,
  type TestApi,
} from './harness';
import { pageThrough } from './list-paging';
import { callRoute, routeWalks } from './route-cases';
import { isPermissionRoute, listRoutes, routeKey, send, type Method } from './route-requests';
import { acceptInvite, freshComment, teamBase } from './scene-fixtures';

/**
 * The served OpenAPI document is the contract: every route is in it, and real responses (success
 * and error) validate against the schema it documents for their status, with Ajv (JSON Schema 2020-12).
 */

type Json = Record<string, unknown>;
interface Operation {
  'x-permission'?: string;
  security?: unknown[];
  parameters?: { schema: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
interface OpenApiDoc {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
}

let api: TestApi;
let doc: OpenApiDoc;
let team: TeamFixture;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);

beforeAll(async () => {
  api = await startApi();
  const res = await api.http().get(`${V1}/openapi.json`);
  expect(res.status).toBe(200);
  doc = res.body as OpenApiDoc;
  team = await createTeam(api);
});
afterAll(() => api.close());

const toOpenApiPath = (template: string) => template.replace(/:(\w+)/g, '{$1}');

/** Asserts `res` is a documented outcome of `method template` and its body matches that status's schema. */
function expectConforms(res: Response, method: Method, template: string): void {
  const op = doc.paths[toOpenApiPath(template)]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${template} is not in the OpenAPI document`);
  const documented = op.responses[String(res.status)];
  expect({ status: res.status, documented: documented !== undefined }).toEqual({
    status: res.status,
    documented: true,
  });
  const schema = documented?.content?.['application/json']?.schema;
  if (!schema) {
    expect(res.text ?? '').toBe('');
    return;
  }
  const validate = ajv.compile(schema);
  const valid = validate(res.body);
  expect({ status: res.status, errors: valid ? [] : validate.errors }).toEqual({
    status: res.status,
    errors: [],
  });
}

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document with an operation for every RouteTable route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('TeamFlow API');
    const missing = api.routes.routes
      .filter((r) => !doc.paths[toOpenApiPath(`${r.basePath}${r.spec.path}`)]?.[r.spec.method])
      .map(routeKey);
    expect(missing).toEqual([]);
    const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(operations).toBe(api.routes.routes.length);
  });

  it('states each route’s permission, and marks public routes as needing no token', () => {
    for (const r of api.routes.routes) {
      const op = doc.paths[toOpenApiPath(`${r.basePath}${r.spec.path}`)]![r.spec.method]!;
      expect([routeKey(r), op['x-permission']]).toEqual([
        routeKey(r),
        isPermissionRoute(r) ? r.spec.access.permission : undefined,
      ]);
      expect([routeKey(r), op.security]).toEqual([
        routeKey(r),
        r.spec.access.kind === 'public' ? [] : undefined,
      ]);
    }
  });

  it('holds only schemas that compile as JSON Schema 2020-12 in strict mode', () => {
    const broken: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const schemas = [
          ...(op.parameters ?? []).map((p) => p.schema),
          ...Object.values(op.requestBody?.content ?? {}).map((c) => c.schema),
          ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}).map((c) => c.schema)),
        ];
        for (const schema of schemas) {
          try {
            ajv.compile(schema);
          } catch (error) {
            broken.push(`${method} ${path}: ${(error as Error).message}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('documents schemas strict enough to reject a malformed task (the validation below is not vacuous)', async () => {
    const schema =
      doc.paths[`${V1}/tasks/{taskId}`]!.get!.responses['200']!.content!['application/json']!.schema;
    const validate = ajv.compile(schema);
    const real = (await send(api, team.users.owner, 'get', `${V1}/tasks/${team.taskId}`)).body as Json;
    expect(validate(real)).toBe(true);
    expect(validate({ ...real, status: 'bogus' })).toBe(false);
    expect(validate({ ...real, id: 'not-a-uuid' })).toBe(false);
    expect(validate({ ...real, createdAt: 'yesterday' })).toBe(false);
    const { key: _key, ...withoutKey } = real;
    expect(validate(withoutKey)).toBe(false);
  });
});

describe('real responses match the served schemas', () => {
  it('auth: register, login, me, refresh and logout', async () => {
    const email = uniqueEmail('oa');
    const password = 'openapi-pass-1';
    const reg = await api.http().post(`${V1}/auth/register`).send({ email, name: 'Open Api', password });
    expectConforms(reg, 'post', `${V1}/auth/register`);
    const login = await api.http().post(`${V1}/auth/login`).send({ email, password });
    expectConforms(login, 'post', `${V1}/auth/login`);
    const me = await api.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${login.body.accessToken}`);
    expectConforms(me, 'get', `${V1}/auth/me`);
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('tf_refresh='))!
      .split(';')[0]!;
    const refreshed = await api.http().post(`${V1}/auth/refresh`).set('Cookie', cookie);
    expectConforms(refreshed, 'post', `${V1}/auth/refresh`);
    const out = await api
      .http()
      .post(`${V1}/auth/logout`)
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    expectConforms(out, 'post', `${V1}/auth/logout`);
    expect([reg.status, login.status, me.status, refreshed.status, out.status]).toEqual([
      201, 200, 200, 200, 204,
    ]);
  });

  it('auth: sign-in methods, and Google sign-in while it is not configured', async () => {
    const methods = await api.http().get(`${V1}/auth/sign-in-methods`);
    expectConforms(methods, 'get', `${V1}/auth/sign-in-methods`);
    const google = await api.http().get(`${V1}/auth/google`);
    expectConforms(google, 'get', `${V1}/auth/google`);
    const callback = await api.http().get(`${V1}/auth/google/callback`);
    expectConforms(callback, 'get', `${V1}/auth/google/callback`);
    expect([methods.status, google.status, callback.status]).toEqual([200, 404, 404]);
  });

  it('workspaces: create and list; invitations: accept', async () => {
    const user = await registerUser(api, 'oa-ws');
    const created = await send(api, user, 'post', `${V1}/workspaces`, {
      name: 'Docs team',
      slug: `docs-${randomUUID().slice(0, 8)}`,
    });
    expectConforms(created, 'post', `${V1}/workspaces`);
    const list = await send(api, user, 'get', `${V1}/workspaces`);
    expectConforms(list, 'get', `${V1}/workspaces`);
    expect(list.body.items).toHaveLength(1);
    const joiner = await registerUser(api, 'oa-join');
    const inv = await send(api, user, 'post', `${V1}/workspaces/${created.body.id}/invitations`, {
      email: joiner.email,
      role: 'viewer',
    });
    const accepted = await api
      .http()
      .post(`${V1}/invitations/${String(inv.body.inviteUrl).split('/invite/')[1]}/accept`)
      .set(auth(joiner));
    expectConforms(accepted, 'post', `${V1}/invitations/:token/accept`);
    expect(accepted.body.workspace.role).toBe('viewer');
    await expect(acceptInvite(api, inv.body.inviteUrl, joiner)).rejects.toThrow(/failed: (404|409)/);
  });

  it('search: task and comment hits', async () => {
    const word = `zebra${randomUUID().slice(0, 6)}`;
    const s = {
      api,
      team,
      base: teamBase(team),
      actor: team.users.member,
      mine: true,
      author: team.users.member,
    };
    await send(api, team.users.member, 'post', `${V1}/projects/${team.projectId}/tasks`, {
      title: `Find the ${word}`,
    });
    await freshComment(s, team.users.member).then((c) =>
      send(api, team.users.member, 'patch', `${V1}/comments/${String(c.id)}`, { body: `About the ${word}` }),
    );
    const res = await send(
      api,
      team.users.viewer,
      'get',
      `${V1}/workspaces/${team.workspaceId}/search`,
      undefined,
      { q: word },
    );
    expectConforms(res, 'get', `${V1}/workspaces/:workspaceId/search`);
    expect(res.body.items.map((h: { type: string }) => h.type).sort()).toEqual(['comment', 'task']);
  });

  it('health and readiness', async () => {
    const live = await api.http().get('/health');
    expectConforms(live, 'get', '/health');
    const ready = await api.http().get('/health/ready');
    expectConforms(ready, 'get', '/health/ready');
    expect(ready.body.checks).toMatchObject({ database: 'up', redis: 'up' });
  });

  const guarded = listRoutes().filter(isPermissionRoute);
  it.each(routeWalks(guarded).map((w) => [w.name, w] as const))(
    '%s answers its documented success body',
    async (_name, { route, variant }) => {
      // The owner may do everything; for `own` grants (editing a comment) they act on their own resource.
      const mine = grantFor('owner', route.spec.access.permission) === 'own';
      const { res } = await callRoute(api, team, route, 'owner', mine, variant);
      expect(res.status).toBeLessThan(300);
      expectConforms(res, route.spec.method, `${route.basePath}${route.spec.path}`);
    },
  );

  // Activity's schema keeps an open shape for rows older than its catalogue (contracts/activity.ts),
  // so conforming proves little there: every entry the walk above wrote must be a catalogued one.
  it('activity: every entry the route walk wrote is one the catalogue lists', async () => {
    const path = `${V1}/workspaces/${team.workspaceId}/activity`;
    const items = (await pageThrough<Activity>(api, team.users.owner, path, 100)).flatMap((p) => p.items);
    expect(items.length).toBeGreaterThan(20);
    const uncatalogued = items
      .filter((a) => knownActivity(a) === null)
      .map(({ entityType, action, changes }) => ({ entityType, action, changes }));
    expect(uncatalogued).toEqual([]);
  });
});

describe('error responses match the documented ErrorResponse', () => {
  it('404 for a project that does not exist', async () => {
    const res = await send(api, team.users.owner, 'get', `${V1}/projects/${randomUUID()}`);
    expect(res.status).toBe(404);
    expectConforms(res, 'get', `${V1}/projects/:projectId`);
  });

  it('400 with field details for an invalid body', async () => {
    const res = await send(api, team.users.owner, 'post', `${V1}/projects/${team.projectId}/tasks`, {
      title: 'x',
      priority: 'urgent',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'priority',
      'title',
    ]);
    expectConforms(res, 'post', `${V1}/projects/:projectId/tasks`);
  });

  it('409 for a stale task version, 403 for a viewer, 401 for bad credentials', async () => {
    const task = await send(api, team.users.member, 'get', `${V1}/tasks/${team.taskId}`);
    const stale = await send(api, team.users.member, 'patch', `${V1}/tasks/${team.taskId}`, {
      version: task.body.version + 5,
      title: 'Too late',
    });
    expect(stale.status).toBe(409);
    expectConforms(stale, 'patch', `${V1}/tasks/:taskId`);
    const viewer = await send(api, team.users.viewer, 'post', `${V1}/projects/${team.projectId}/tasks`, {
      title: 'Not allowed',
    });
    expect(viewer.status).toBe(403);
    expectConforms(viewer, 'post', `${V1}/projects/:projectId/tasks`);
    const bad = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: uniqueEmail(), password: 'nope-nope-1' });
    expect(bad.status).toBe(401);
    expectConforms(bad, 'post', `${V1}/auth/login`);
  });
});

describe('API reference page', () => {
  it('GET /api/docs is HTML that loads the bundled Swagger UI and the served document', async () => {
    const page = await api.http().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(page.text).toContain('/api/docs/assets/swagger-ui.css');
    const init = await api.http().get('/api/docs/init.js');
    expect(init.headers['content-type']).toMatch(/javascript/);
    expect(init.text).toContain('/api/v1/openapi.json');
  });

  it('serves the Swagger UI assets itself (no CDN)', async () => {
    const bundle = await api.http().get('/api/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.text.length).toBeGreaterThan(100_000);
    const css = await api.http().get('/api/docs/assets/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
  });
});
