import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { Permission } from '@teamflow/contracts/permissions';
import type { User } from '@teamflow/contracts/users';
import type { Ctx, WorkspaceCtx } from '@teamflow/core/platform/context';
import { loadUser } from '@teamflow/core/auth/authenticate';
import { JsonBody } from '@teamflow/core/platform/json-body';
import { resolveAccess } from '@teamflow/core/workspaces/resolve-access';
import type { ScopeKind } from '@teamflow/core/workspaces/scope';
import type { ApiDeps } from '../deps';
import { requireToken } from './authenticate';
import { jsonBody } from './body';
import { REPLAYED, runIdempotent } from './idempotency';
import { rateLimitByIp, rateLimitByUser, type RateLimitBucket } from './rate-limit';
import { parseInput } from './validate';

/**
 * Every route states who may call it; there is no way to register one without. `public` and
 * `user` need no workspace; `permission` resolves the workspace behind a path parameter and
 * checks the caller's role against the contracts' permission table (404 for strangers).
 */
export type PublicAccess = { kind: 'public' };
export type UserAccess = { kind: 'user' };
export type PermissionAccess = {
  kind: 'permission';
  permission: Permission;
  scope: ScopeKind;
  param: string;
};
export type Access = PublicAccess | UserAccess | PermissionAccess;

export const PUBLIC: PublicAccess = { kind: 'public' };
export const USER: UserAccess = { kind: 'user' };
export const allow = (permission: Permission, scope: ScopeKind, param: string): PermissionAccess => ({
  kind: 'permission',
  permission,
  scope,
  param,
});

type AnyObject = z.ZodType<Record<string, unknown>>;
type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type CtxFor<A extends Access> = A extends { kind: 'permission' }
  ? WorkspaceCtx
  : A extends { kind: 'user' }
    ? Ctx
    : undefined;

export interface RouteSpec<
  A extends Access,
  P extends AnyObject | undefined,
  Q extends AnyObject | undefined,
  B extends z.ZodType | undefined,
> {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: A;
  rateLimit?: RateLimitBucket | 'none';
  params?: P;
  query?: Q;
  body?: B;
  /**
   * A `multipart/form-data` upload the handler reads itself (http/multipart.ts), documented in
   * OpenAPI with its file field. Mutually exclusive with `body`.
   */
  upload?: { field: string };
  /** Status → response schema (`null` for no body). The first 2xx is the success status. */
  responses: Record<number, z.ZodType | null>;
  /**
   * Honours `Idempotency-Key` (`http/idempotency.ts`): the writes the web's offline queue replays.
   * A create gives `replay`, reading the resource its key made: the create records its key in its
   * own transaction, so a copy whose Redis answer was lost (or never stored) answers with it.
   */
  idempotent?: true | { replay: (ctx: CtxFor<A>, resourceId: string) => Promise<unknown> };
  /** Media type of a non-JSON success body (text, HTML, script), for the OpenAPI document. */
  produces?: string;
  handler: (input: {
    ctx: CtxFor<A>;
    user: A extends { kind: 'user' } ? User : undefined;
    params: Infer<P>;
    query: Infer<Q>;
    body: Infer<B>;
    req: Request;
    res: Response;
  }) => Promise<unknown>;
}

export type AnyRouteSpec = RouteSpec<
  Access,
  AnyObject | undefined,
  AnyObject | undefined,
  z.ZodType | undefined
>;

/**
 * A JSON answer written straight to the response: what Express's `res.json` sends here (no ETag,
 * no JSON settings), without its per-response work (content-type parsing for the charset, the
 * freshness check for an ETag we do not send). Node leaves the body out of a HEAD answer itself.
 */
function sendJson(res: Response, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export class RouteTable {
  readonly routes: { basePath: string; spec: AnyRouteSpec }[] = [];
  /** Handlers still running (a client that hangs up does not stop them): shutdown waits for zero. */
  inFlight = 0;
  constructor(private readonly deps: ApiDeps) {}

  private tracked(handler: RequestHandler): RequestHandler {
    return async (req, res, next) => {
      this.inFlight++;
      try {
        await handler(req, res, next);
      } finally {
        this.inFlight--;
      }
    };
  }

  /** Mounts a route on `router` (which is served at `basePath`) and records it for OpenAPI and the guard test. */
  add<
    A extends Access,
    P extends AnyObject | undefined,
    Q extends AnyObject | undefined,
    B extends z.ZodType | undefined,
  >(router: Router, basePath: string, spec: RouteSpec<A, P, Q, B>): void {
    if (!spec.access)
      throw new Error(`Route ${spec.method.toUpperCase()} ${spec.path} declares no access rule`);
    const deps = this.deps;
    const template = `${basePath}${spec.path}`;
    const chain: RequestHandler[] = [
      (req, _res, next) => {
        req.routeTemplate = template;
        next();
      },
    ];
    const bucket = spec.rateLimit ?? 'default';
    const access = spec.access;
    if (bucket === 'auth') chain.push(rateLimitByIp(deps, 'auth'));
    if (access.kind === 'public' && bucket === 'default') chain.push(rateLimitByIp(deps, 'default'));
    if (access.kind !== 'public')
      chain.push(requireToken(deps, bucket === 'default' || bucket === 'uploads'));
    if (bucket === 'uploads') chain.push(rateLimitByUser(deps, 'uploads'));
    if (spec.body) chain.push(jsonBody);
    const success = Number(Object.keys(spec.responses).find((s) => s.startsWith('2')) ?? 200);
    const writes = spec.method !== 'get';

    chain.push(async (req, res) => {
      const params = parseInput('params', spec.params, req.params);
      // Identity: workspace routes learn the caller's name with their membership (one query);
      // account routes load the user.
      let user: User | undefined;
      let ctx: Ctx | WorkspaceCtx | undefined;
      if (access.kind === 'permission') {
        const id = (params as Record<string, string>)[access.param]!;
        const caller = { userId: req.claims!.sub, requestId: req.requestId, logger: req.log };
        // The stamp was read in this request: a cached membership is used only if it still matches.
        const cached =
          req.accessStamp === undefined ? undefined : { cache: deps.accessCache, stamp: req.accessStamp };
        ctx = await resolveAccess(deps, caller, access.permission, { kind: access.scope, id }, cached);
      } else if (access.kind === 'user') {
        user = await loadUser(deps, req.claims!.sub);
        ctx = { actor: { id: user.id, name: user.name }, requestId: req.requestId, logger: req.log };
      }
      const query = parseInput('query', spec.query, req.query);
      const body = parseInput('body', spec.body, req.body ?? {});
      const invoke = () => spec.handler({ ctx, user, params, query, body, req, res } as never);
      let result: unknown;
      try {
        result = spec.idempotent
          ? await runIdempotent(deps, req, res, success, body, invoke, {
              ctx,
              replay: spec.idempotent === true ? undefined : spec.idempotent.replay,
            })
          : await invoke();
      } finally {
        // Read-your-writes: marked before the answer leaves, so the caller's next read cannot
        // reach a replica that lacks this write (failed requests too: one may have committed part).
        if (writes && req.claims) await deps.reads.wrote(req.claims.sub);
      }
      if (result === REPLAYED || res.headersSent) return;
      if (result === undefined) res.status(success).end();
      else sendJson(res, success, result instanceof JsonBody ? result.text : JSON.stringify(result));
    });
    router[spec.method](spec.path, ...chain.map((handler) => this.tracked(handler)));
    this.routes.push({ basePath, spec });
  }
}
