import { auth, type TeamFixture, type TestApi } from './harness';
import { AI_CASES } from './route-cases/ai.cases';
import { ASYNC_UPDATE_CASES } from './route-cases/async-updates.cases';
import { BOARD_CASES } from './route-cases/board.cases';
import { FILE_CASES } from './route-cases/files.cases';
import { INTEGRATION_CASES } from './route-cases/integrations.cases';
import { PLANNING_CASES } from './route-cases/planning.cases';
import { PROGRESS_CASES } from './route-cases/progress.cases';
import type { Prepared, RouteCase } from './route-cases/route-case';
import { WORKSPACE_CASES } from './route-cases/workspaces.cases';
import { fillPath, routeKey, send, type RegisteredRoute, type Who } from './route-requests';
import { freshWorkspace, someoneElse, teamBase, type Scene } from './scene-fixtures';

/**
 * "Build a real, valid request for this route": one recipe per guarded route, shared by the
 * permission matrix, the OpenAPI conformance suite and the contract fuzzer. Recipes create
 * whatever fresh resource the request targets, so a destructive call never breaks the next case.
 * Each area's recipes are in route-cases/; a new route's goes beside its area's.
 */

/**
 * The areas' cases as one table. A route with a case in two areas is refused at load: merged by
 * spreading, one would silently replace the other.
 */
function oneCasePerRoute(areas: Record<string, RouteCase>[]): Record<string, RouteCase> {
  const table: Record<string, RouteCase> = {};
  for (const cases of areas)
    for (const [key, routeCase] of Object.entries(cases)) {
      if (key in table) throw new Error(`${key} has a case in two files of test/route-cases/: keep one`);
      table[key] = routeCase;
    }
  return table;
}

/** One recipe per permission-guarded route, keyed `METHOD /full/path`. */
export const ROUTE_CASES: Record<string, RouteCase> = oneCasePerRoute([
  WORKSPACE_CASES,
  BOARD_CASES,
  FILE_CASES,
  PLANNING_CASES,
  AI_CASES,
  ASYNC_UPDATE_CASES,
  PROGRESS_CASES,
  INTEGRATION_CASES,
]);

/** Each route's walks: its recipe, then each of its variants (`variant` names it). */
export const routeWalks = <R extends RegisteredRoute>(routes: readonly R[]) =>
  routes.flatMap((route) => [
    { name: routeKey(route), route, variant: undefined as string | undefined },
    ...Object.keys(ROUTE_CASES[routeKey(route)]?.variants ?? {}).map((variant) => ({
      name: `${routeKey(route)} (${variant})`,
      route,
      variant,
    })),
  ]);

/** Prepares and sends one real request to `route` as `who`; `mine` picks the actor's own resource. */
export async function callRoute(
  api: TestApi,
  team: TeamFixture,
  route: RegisteredRoute,
  who: Who,
  mine = false,
  variant?: string,
) {
  const recipe = ROUTE_CASES[routeKey(route)];
  if (!recipe)
    throw new Error(
      `No request recipe for ${routeKey(route)}: add one to its area's file in test/route-cases/`,
    );
  const prepare = variant === undefined ? (s: Scene) => recipe.prepare(s) : recipe.variants?.[variant];
  if (!prepare) throw new Error(`No request variant '${variant}' for ${routeKey(route)}`);
  const base = recipe.fresh ? await freshWorkspace(api, team) : teamBase(team);
  const actor = team.users[who];
  const scene: Scene = { api, team, base, actor, mine, author: mine ? actor : someoneElse(team, who) };
  const prepared = await prepare(scene);
  const path = fillPath(route, prepared.params);
  const upload = (file: NonNullable<Prepared['file']>) => {
    const req = api.http()[route.spec.method](path);
    return req
      .query(prepared.query ?? {})
      .set(auth(actor))
      .attach(file.field, file.content, file.name);
  };
  const res = prepared.file
    ? await upload(prepared.file)
    : await send(api, actor, route.spec.method, path, prepared.body, prepared.query);
  return { res, prepared, scene };
}
