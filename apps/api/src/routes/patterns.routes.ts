import type { Router } from 'express';
import { ErrorResponse } from '@teamflow/contracts/common';
import { MyPatterns, PatternsQuery } from '@teamflow/contracts/patterns';
import { getMyPatterns } from '@teamflow/core/patterns/get-my-patterns';
import type { ApiDeps } from '../deps';
import { USER, type RouteTable } from '../http/route-table';

/** The caller's own working patterns: private by construction (no user id in the path). */
export function patternRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'get',
    path: '/me/patterns',
    summary:
      'How I work: when I finish tasks (weekday × hour in my zone), points vs time in progress, cycle time per priority, blocking, and a short summary',
    tag: 'Me',
    access: USER,
    query: PatternsQuery,
    responses: { 200: MyPatterns, 400: ErrorResponse, 401: ErrorResponse },
    handler: ({ user, query }) => getMyPatterns(deps, user.id, query),
  });
}
