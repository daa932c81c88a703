import type { Router } from 'express';
import { ErrorResponse } from '@teamflow/contracts/common';
import {
  WorklogExport,
  WorklogExportAccepted,
  WorklogExportCreate,
  WorklogExportListQuery,
  WorklogExportPage,
  WorklogExportParams,
} from '@teamflow/contracts/worklog';
import { z } from 'zod';
import { downloadExport } from '@teamflow/core/worklog/download-export';
import { getExport } from '@teamflow/core/worklog/get-export';
import { listExports } from '@teamflow/core/worklog/list-exports';
import { requestExport } from '@teamflow/core/worklog/request-export';
import type { ApiDeps } from '../deps';
import { USER, type RouteTable } from '../http/route-table';

/** Review and CV exports of the caller's own log, made by a job and kept 7 days. */
export function worklogExportRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'post',
    path: '/worklog/exports',
    summary: 'Export a review or CV (Markdown or PDF) of a range; made in the background',
    tag: 'Work log',
    access: USER,
    body: WorklogExportCreate,
    responses: { 202: WorklogExportAccepted, 400: ErrorResponse },
    handler: ({ ctx, user, body }) => requestExport(deps, ctx, user.timeZone, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/worklog/exports',
    summary: 'Your exports still kept, newest first (cursor list)',
    tag: 'Work log',
    access: USER,
    query: WorklogExportListQuery,
    responses: { 200: WorklogExportPage, 400: ErrorResponse },
    handler: ({ ctx, query }) => listExports(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/worklog/exports/:exportId',
    summary: 'An export’s state, with its download URL once done',
    tag: 'Work log',
    access: USER,
    params: WorklogExportParams,
    responses: { 200: WorklogExport, 404: ErrorResponse },
    handler: ({ ctx, params }) => getExport(deps, ctx, params.exportId),
  });
  table.add(router, base, {
    method: 'get',
    path: '/worklog/exports/:exportId/download',
    summary: 'The export file: every bullet footnotes its evidence (entry date, task key)',
    tag: 'Work log',
    access: USER,
    params: WorklogExportParams,
    produces: 'application/pdf',
    responses: { 200: z.string(), 404: ErrorResponse },
    handler: async ({ ctx, params, res }) => {
      const file = await downloadExport(deps, ctx, params.exportId);
      res
        .status(200)
        .type(file.contentType)
        .set('Content-Disposition', `attachment; filename="${file.filename}"`)
        .set('Cache-Control', 'private, no-store')
        .send(file.content);
      return undefined;
    },
  });
}
