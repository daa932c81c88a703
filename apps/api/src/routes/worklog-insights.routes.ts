import type { Router } from 'express';
import { ErrorResponse } from '@teamflow/contracts/common';
import {
  WorklogInsights,
  WorklogRangeQuery,
  WorklogSearchQuery,
  WorklogSearchResult,
  WorklogTimeline,
} from '@teamflow/contracts/worklog';
import { getInsights } from '@teamflow/core/worklog/get-insights';
import { getTimeline } from '@teamflow/core/worklog/get-timeline';
import { searchWorklog } from '@teamflow/core/worklog/search-worklog';
import type { ApiDeps } from '../deps';
import { USER, type RouteTable } from '../http/route-table';

/** What the caller's own log adds up to: timeline, insights, search. Nobody else's rows are read. */
export function worklogInsightRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'get',
    path: '/worklog/timeline',
    summary: 'Your entries merged with the tasks you completed, by day in your time zone',
    tag: 'Work log',
    access: USER,
    query: WorklogRangeQuery,
    responses: { 200: WorklogTimeline, 400: ErrorResponse },
    handler: ({ ctx, user, query }) => getTimeline(deps, ctx, user.timeZone, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/worklog/insights',
    summary: 'Mood trend, activity, skills, projects, achievements and themes over a range',
    tag: 'Work log',
    access: USER,
    query: WorklogRangeQuery,
    responses: { 200: WorklogInsights, 400: ErrorResponse },
    handler: ({ ctx, user, query }) => getInsights(deps, ctx, user.timeZone, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/worklog/search',
    summary: 'Your entries (and tasks) by meaning and by words; each hit says how it matched',
    tag: 'Work log',
    access: USER,
    query: WorklogSearchQuery,
    responses: { 200: WorklogSearchResult, 400: ErrorResponse },
    handler: ({ ctx, query }) => searchWorklog(deps, ctx, query),
  });
}
