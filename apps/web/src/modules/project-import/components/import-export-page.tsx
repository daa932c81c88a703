'use client';

import {
  ImportRowError,
  IMPORT_MAX_ROWS,
  type ExportFormat,
  type ImportMapping,
  type ImportPreview,
} from '@teamflow/contracts/project-import-export';
import Link from 'next/link';
import { useState } from 'react';
import { z } from 'zod';
import { ApiError } from '@/lib/api-error';
import { useProject } from '@/modules/projects/hooks/use-projects';
import { ProjectViewTabs } from '@/modules/projects/components/project-view-tabs';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { showToast } from '@/modules/ui/toast';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import {
  downloadProjectExport,
  mappingInput,
  useImportCommit,
  useImportDryRun,
} from '../hooks/use-project-import';
import { ImportMappingEditor } from './import-mapping-editor';

const SHOWN_ERRORS = 200;

function RowErrors({ errors }: { errors: ImportRowError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="pb-1 text-left font-semibold text-rose-700 dark:text-rose-300">
          {errors.length} {errors.length === 1 ? 'problem' : 'problems'} to fix before importing
        </caption>
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th scope="col" className="px-2 py-1 font-medium">
              Row
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Field
            </th>
            <th scope="col" className="px-2 py-1 font-medium">
              Problem
            </th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
            <tr key={i} className="border-t border-slate-200 dark:border-slate-700">
              <td className="px-2 py-1">{e.row === 0 ? 'File' : e.row}</td>
              <td className="px-2 py-1">{e.field}</td>
              <td className="px-2 py-1">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.length > SHOWN_ERRORS ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">and {errors.length - SHOWN_ERRORS} more.</p>
      ) : null}
    </div>
  );
}

/** Upload → dry run with the detected mapping → edit the mapping and check again → commit. */
function ImportPanel({ workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const dryRun = useImportDryRun(projectId);
  const commit = useImportCommit(workspaceId, projectId);
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState<ImportMapping>();
  const [edited, setEdited] = useState(false);
  const [created, setCreated] = useState<number>();
  const [error, setError] = useState<string>();

  const check = async (chosen: File, withMapping?: ImportMapping) => {
    setError(undefined);
    setCreated(undefined);
    try {
      // A new source means "detect the columns as that tracker writes them": only the source goes.
      const sourceChanged = withMapping && preview && withMapping.source !== preview.mapping.source;
      const result = await dryRun.mutateAsync({
        file: chosen,
        mapping: withMapping && (sourceChanged ? { source: withMapping.source } : mappingInput(withMapping)),
      });
      setPreview(result);
      setMapping(result.mapping);
      setEdited(false);
    } catch (e) {
      setPreview(undefined);
      setMapping(undefined);
      setError((e as Error).message);
    }
  };

  const runImport = async () => {
    if (!file || !mapping) return;
    setError(undefined);
    try {
      const result = await commit.mutateAsync({ file, mapping: mappingInput(mapping) });
      setCreated(result.created);
      setPreview(undefined);
      setMapping(undefined);
      setFile(undefined);
    } catch (e) {
      const rows = e instanceof ApiError ? z.array(ImportRowError).safeParse(e.details) : undefined;
      if (rows?.success && preview) setPreview({ ...preview, errors: rows.data, valid: 0 });
      setError((e as Error).message);
    }
  };

  const ready = preview && !edited && preview.errors.length === 0 && preview.rows > 0;
  return (
    <section aria-labelledby="import-heading" className="flex flex-col gap-4">
      <h2 id="import-heading" className="text-lg font-semibold">
        Import
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A CSV exported from Jira or Linear, a TeamFlow CSV, or a Trello board&apos;s JSON export (board menu →
        Print, export and share → Export as JSON). Up to {IMPORT_MAX_ROWS.toLocaleString('en')} tasks. Nothing
        is written until you import, and then all rows or none.
      </p>
      <label className="flex flex-col gap-1 text-sm font-medium">
        File to import
        <input
          type="file"
          accept=".csv,.json,text/csv,application/json"
          className="text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:text-indigo-800 dark:file:bg-slate-800 dark:file:text-indigo-200"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            setFile(chosen);
            if (chosen) void check(chosen);
          }}
        />
      </label>
      {dryRun.isPending ? <p role="status">Checking the file…</p> : null}
      {error ? <FormError message={error} /> : null}
      {created !== undefined ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Imported {created} {created === 1 ? 'task' : 'tasks'}.{' '}
          <Link href={`/w/${workspaceId}/p/${projectId}`} className="font-medium underline">
            Open the board
          </Link>
        </p>
      ) : null}
      {preview && mapping && file ? (
        <div className="flex flex-col gap-4 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <p role="status" className="text-sm">
            <strong>{preview.rows}</strong> rows, <strong>{preview.valid}</strong> ready to import
            {edited ? ' (mapping changed: check again)' : ''}.
          </p>
          {preview.unknownPeople.length ? (
            <p className="text-sm text-amber-800 dark:text-amber-200">
              Not members of this workspace, left unassigned: {preview.unknownPeople.join(', ')}
            </p>
          ) : null}
          <ImportMappingEditor
            mapping={mapping}
            onChange={(next) => {
              setMapping(next);
              setEdited(true);
            }}
          />
          <RowErrors errors={preview.errors} />
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" disabled={dryRun.isPending} onClick={() => void check(file, mapping)}>
              Check again
            </Button>
            <Button disabled={!ready || commit.isPending} onClick={() => void runImport()}>
              {commit.isPending ? 'Importing…' : `Import ${preview.rows} tasks`}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** Project → Import / export: our CSV or JSON out; Jira, Linear, Trello or our CSV in (editors). */
export function ImportExportPage({ workspaceId, projectId }: { workspaceId: string; projectId: string }) {
  const project = useProject(projectId);
  const canImport = useCan(workspaceId, 'project.import');
  const [exporting, setExporting] = useState<ExportFormat>();
  const exportAs = async (format: ExportFormat) => {
    setExporting(format);
    try {
      await downloadProjectExport(
        projectId,
        format,
        `${(project.data?.key ?? 'project').toLowerCase()}-tasks`,
      );
    } catch (e) {
      showToast({ tone: 'error', title: (e as Error).message });
    } finally {
      setExporting(undefined);
    }
  };
  return (
    <main className="mx-auto flex w-full max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight">
          Import and export{project.data ? ` · ${project.data.name}` : ''}
        </h1>
        <ProjectViewTabs workspaceId={workspaceId} projectId={projectId} current="import" />
      </header>
      <section aria-labelledby="export-heading" className="flex flex-col gap-2">
        <h2 id="export-heading" className="text-lg font-semibold">
          Export
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Every task of the project. The CSV has TeamFlow&apos;s own columns and imports back; the JSON also
          carries label colours and assignee names.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" disabled={exporting !== undefined} onClick={() => void exportAs('csv')}>
            {exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
          </Button>
          <Button
            variant="secondary"
            disabled={exporting !== undefined}
            onClick={() => void exportAs('json')}
          >
            {exporting === 'json' ? 'Exporting…' : 'Export JSON'}
          </Button>
        </div>
      </section>
      {canImport ? (
        <ImportPanel workspaceId={workspaceId} projectId={projectId} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Importing adds tasks: ask an owner, admin or member of this workspace.
        </p>
      )}
    </main>
  );
}
