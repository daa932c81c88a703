import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import {
  TEAMFLOW_CSV_COLUMNS,
  type ExportedTask,
  type ExportFormat,
} from '@teamflow/contracts/project-import-export';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { exportTaskPage, findProjectHeader } from './project-export.repository';

const PAGE = 1_000;

export interface ProjectExportFile {
  fileName: string;
  contentType: string;
  body: Readable;
}

/** Our CSV columns (TEAMFLOW_CSV_COLUMNS) for one task: import reads the same file back. */
function csvRow(task: ExportedTask): string[] {
  const cells: Record<keyof typeof TEAMFLOW_CSV_COLUMNS, string> = {
    Key: task.key,
    Title: task.title,
    Description: task.description ?? '',
    Status: task.status,
    Priority: task.priority,
    'Story points': task.storyPoints === null ? '' : String(task.storyPoints),
    'Due date': task.dueDate ?? '',
    Assignees: task.assignees.map((a) => a.email).join(', '),
    Labels: task.labels.map((l) => l.name).join(', '),
    Parent: task.parent?.key ?? '',
    Created: task.createdAt,
    Completed: task.completedAt ?? '',
  };
  return Object.values(cells);
}

/**
 * A project's tasks as CSV (our own columns) or JSON (with labels, assignees and parents),
 * streamed page by page: memory stays flat and the work linear, whatever the project's size.
 */
export async function exportProject(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  format: ExportFormat,
): Promise<ProjectExportFile> {
  const project = await findProjectHeader(deps.db, projectId);
  if (!project) throw notFound('Project');
  async function* tasks(): AsyncGenerator<ExportedTask> {
    for (let after = 0; ;) {
      const page = await exportTaskPage(deps.db, project!, after, PAGE);
      for (const { number: _number, ...task } of page) yield task;
      if (page.length < PAGE) return;
      after = page.at(-1)!.number;
    }
  }
  const stem = `${project.key.toLowerCase()}-tasks`;
  ctx.logger.info('project export', { projectId, format });
  if (format === 'csv') {
    const csv = stringify({ header: true, columns: Object.keys(TEAMFLOW_CSV_COLUMNS), bom: true });
    const rows = Readable.from(
      (async function* () {
        for await (const task of tasks()) yield csvRow(task);
      })(),
    );
    rows.on('error', (error) => csv.destroy(error));
    return { fileName: `${stem}.csv`, contentType: 'text/csv; charset=utf-8', body: rows.pipe(csv) };
  }
  const exportedAt = new Date().toISOString();
  async function* json(): AsyncGenerator<string> {
    yield `{"project":${JSON.stringify(project)},"exportedAt":${JSON.stringify(exportedAt)},"tasks":[`;
    let first = true;
    for await (const task of tasks()) {
      yield (first ? '' : ',') + JSON.stringify(task);
      first = false;
    }
    yield ']}';
  }
  return {
    fileName: `${stem}.json`,
    contentType: 'application/json; charset=utf-8',
    body: Readable.from(json()),
  };
}
