import type { Router } from 'express';
import { ErrorResponse } from '@teamflow/contracts/common';
import {
  WorklogEntry,
  WorklogEntryCreate,
  WorklogEntryListQuery,
  WorklogEntryPage,
  WorklogEntryParams,
  WorklogEntryUpdate,
} from '@teamflow/contracts/worklog';
import { createEntry } from '@teamflow/core/worklog/create-entry';
import { deleteEntry } from '@teamflow/core/worklog/delete-entry';
import { getEntry } from '@teamflow/core/worklog/get-entry';
import { listEntries } from '@teamflow/core/worklog/list-entries';
import { updateEntry } from '@teamflow/core/worklog/update-entry';
import type { ApiDeps } from '../deps';
import { USER, type RouteTable } from '../http/route-table';

/**
 * Work-log entries: private to their author. USER-scoped (no workspace); the core repository
 * fences every query by the caller's id, so another person's entry id is a 404 for everyone.
 */
export function worklogEntryRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'post',
    path: '/worklog/entries',
    summary: 'Write a work-log entry (private to you); analysed shortly after',
    tag: 'Work log',
    access: USER,
    body: WorklogEntryCreate,
    responses: { 201: WorklogEntry, 400: ErrorResponse },
    handler: ({ ctx, user, body }) => createEntry(deps, ctx, user.timeZone, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/worklog/entries',
    summary: 'Your entries, newest day first (`from`, `to`, `q` words, `tag`)',
    tag: 'Work log',
    access: USER,
    query: WorklogEntryListQuery,
    responses: { 200: WorklogEntryPage, 400: ErrorResponse },
    handler: ({ ctx, query }) => listEntries(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/worklog/entries/:entryId',
    summary: 'One of your entries with its analysis',
    tag: 'Work log',
    access: USER,
    params: WorklogEntryParams,
    responses: { 200: WorklogEntry, 404: ErrorResponse },
    handler: ({ ctx, params }) => getEntry(deps, ctx, params.entryId),
  });
  table.add(router, base, {
    method: 'patch',
    path: '/worklog/entries/:entryId',
    summary: 'Autosave an entry with the version you last saw (stale → 409 with the current entry)',
    tag: 'Work log',
    access: USER,
    params: WorklogEntryParams,
    body: WorklogEntryUpdate,
    responses: { 200: WorklogEntry, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
    handler: ({ ctx, params, body }) => updateEntry(deps, ctx, params.entryId, body),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/worklog/entries/:entryId',
    summary: 'Delete one of your entries and its analysis',
    tag: 'Work log',
    access: USER,
    params: WorklogEntryParams,
    responses: { 204: null, 404: ErrorResponse },
    handler: ({ ctx, params }) => deleteEntry(deps, ctx, params.entryId),
  });
}
