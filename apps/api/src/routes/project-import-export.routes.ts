import type { Router } from 'express';
import { ErrorResponse, ProjectParams } from '@teamflow/contracts/common';
import {
  ExportQuery,
  IMPORT_MAX_BYTES,
  ImportMappingInput,
  ImportPreview,
  ImportQuery,
  ImportResult,
  ProjectExport,
} from '@teamflow/contracts/project-import-export';
import { invalid } from '@teamflow/core/platform/errors';
import { exportProject } from '@teamflow/core/project-export/export-project';
import { importProjectTasks } from '@teamflow/core/project-import/import-project-tasks';
import type { ApiDeps } from '../deps';
import { withUploadedFile } from '../http/multipart';
import { allow, type RouteTable } from '../http/route-table';
import { parseInput } from '../http/validate';

/** The optional `mapping` form field: JSON overriding the detected source, columns, statuses, priorities. */
function parseMapping(field: string | undefined): ImportMappingInput | undefined {
  if (field === undefined || field.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(field);
  } catch {
    throw invalid([{ field: 'mapping', message: 'The mapping must be JSON' }]);
  }
  return parseInput('body', ImportMappingInput, json);
}

export function projectImportExportRoutes(
  table: RouteTable,
  router: Router,
  base: string,
  deps: ApiDeps,
): void {
  const tag = 'Import and export';
  table.add(router, base, {
    method: 'post',
    path: '/projects/:projectId/import',
    summary:
      'Import tasks from a CSV (Jira, Linear or our columns) or a Trello board JSON (multipart field `file`, optional `mapping`); `?dryRun=true` checks and writes nothing',
    tag,
    access: allow('project.import', 'project', 'projectId'),
    params: ProjectParams,
    query: ImportQuery,
    upload: { field: 'file' },
    responses: {
      200: ImportPreview,
      201: ImportResult,
      400: ErrorResponse,
      403: ErrorResponse,
      404: ErrorResponse,
      413: ErrorResponse,
      415: ErrorResponse,
      422: ErrorResponse,
    },
    handler: ({ ctx, params, query, req, res }) =>
      withUploadedFile(
        req,
        {
          field: 'file',
          maxBytes: IMPORT_MAX_BYTES,
          tooLargeMessage: 'An import file may be at most 20 MiB',
        },
        async (file) => {
          const mapping = parseMapping(file.fields.mapping);
          const result = await importProjectTasks(deps, ctx, params.projectId, file, {
            dryRun: query.dryRun,
            mapping,
          });
          // A dry run creates nothing: 200 with the report; a commit 201.
          res.status(query.dryRun ? 200 : 201).json(result);
        },
      ),
  });
  table.add(router, base, {
    method: 'get',
    path: '/projects/:projectId/export',
    summary:
      "Export the project's tasks as CSV (our columns, importable back) or JSON (with labels, assignees, parents)",
    tag,
    access: allow('project.read', 'project', 'projectId'),
    params: ProjectParams,
    query: ExportQuery,
    // Documented as the JSON document; `?format=csv` streams the same tasks as text/csv.
    responses: { 200: ProjectExport, 400: ErrorResponse, 404: ErrorResponse },
    handler: async ({ ctx, params, query, res }) => {
      const file = await exportProject(deps, ctx, params.projectId, query.format);
      res.status(200);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      await new Promise<void>((resolve, reject) => {
        file.body.on('error', (error) => {
          // Headers are gone once the first bytes are: cut the response so the file is visibly broken.
          if (res.headersSent) res.destroy(error);
          reject(error);
        });
        res.on('close', () => {
          file.body.destroy();
          resolve();
        });
        file.body.pipe(res);
      });
    },
  });
}
