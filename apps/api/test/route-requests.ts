import { randomBytes } from 'node:crypto';
import { loadEnv } from '@teamflow/config/env';
import type { Role } from '@teamflow/contracts/permissions';
import { createApp } from '../src/app';
import { buildDeps } from '../src/deps';
import type { AnyRouteSpec, PermissionAccess } from '../src/http/route-table';
import { auth, type TestApi, type TestUser } from './harness';

/**
 * The routes the api registers, their names (`METHOD /full/path`) and how to send one a request.
 * The request each guarded route gets is its case in route-cases.ts.
 */

export type Who = Role | 'stranger';
export const ROLES: readonly Role[] = ['owner', 'admin', 'member', 'viewer'];

export interface RegisteredRoute {
  basePath: string;
  spec: AnyRouteSpec;
}
export type Method = AnyRouteSpec['method'];

export const routeKey = (r: RegisteredRoute) => `${r.spec.method.toUpperCase()} ${r.basePath}${r.spec.path}`;
export const isPermissionRoute = (
  r: RegisteredRoute,
): r is RegisteredRoute & { spec: { access: PermissionAccess } } => r.spec.access.kind === 'permission';
/** The status a route answers on success: its first documented 2xx. */
export const successStatus = (r: RegisteredRoute) =>
  Number(Object.keys(r.spec.responses).find((s) => s.startsWith('2')));

/**
 * The routes of a freshly built app, available while Jest collects tests (so each route gets
 * named tests). Nothing connects: the pool and the Redis client are lazy and closed right away.
 */
export function listRoutes(): RegisteredRoute[] {
  const deps = buildDeps(loadEnv({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' }));
  const { routes } = createApp(deps);
  void deps.close();
  return [...routes.routes];
}

export const tag = () => randomBytes(4).toString('hex');

export function send(
  api: TestApi,
  user: TestUser | undefined,
  method: Method,
  path: string,
  body?: unknown,
  query?: Record<string, string>,
) {
  let req = api.http()[method](path);
  if (user) req = req.set(auth(user));
  if (query) req = req.query(query);
  if (body !== undefined) req = req.send(body as object);
  return req;
}

export function fillPath(route: RegisteredRoute, params: Record<string, string>): string {
  const path = `${route.basePath}${route.spec.path}`.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${routeKey(route)}: the recipe gave no value for :${name}`);
    return value;
  });
  return path;
}
