'use client';

import { useState } from 'react';
import { useTimeZone } from '@/modules/auth/hooks/use-time-zone';
import { Button } from '@/modules/ui/components/button';
import { SelectField } from '@/modules/ui/components/select-field';
import { TextField } from '@/modules/ui/components/text-field';
import { showToast } from '@/modules/ui/toast';
import { shiftDate, todayIn } from '@/lib/local-dates';
import { saveDownload, useExport, useRequestExport } from '../hooks/use-worklog-exports';

/** Choose range, kind and format; the export is made by a job (progress shown), then downloaded. */
export function ExportsPanel() {
  const zone = useTimeZone();
  const today = todayIn(zone);
  const [from, setFrom] = useState(shiftDate(today, -29));
  const [to, setTo] = useState(today);
  const [kind, setKind] = useState<'review' | 'cv'>('review');
  const [format, setFormat] = useState<'md' | 'pdf'>('pdf');
  const [exportId, setExportId] = useState<string>();
  const request = useRequestExport();
  const job = useExport(exportId);

  return (
    <div className="flex max-w-xl flex-col gap-4">
      <form
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          request.mutate(
            { from, to, kind, format },
            {
              onSuccess: (r) => setExportId(r.id),
              onError: (err) => showToast({ tone: 'error', title: err.message }),
            },
          );
        }}
      >
        <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        <SelectField
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as 'review' | 'cv')}
          options={[
            ['review', 'Performance review (by project)'],
            ['cv', 'CV (skills and achievements)'],
          ]}
        />
        <SelectField
          label="Format"
          value={format}
          onChange={(e) => setFormat(e.target.value as 'md' | 'pdf')}
          options={[
            ['pdf', 'PDF'],
            ['md', 'Markdown'],
          ]}
        />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={request.isPending}>
            Export
          </Button>
        </div>
      </form>
      {job.data ? (
        <div role="status" aria-live="polite" className="flex items-center gap-3 text-sm">
          {job.data.status === 'done' && job.data.downloadUrl ? (
            <>
              <span>Your export is ready (kept 7 days).</span>
              <Button
                variant="secondary"
                onClick={() =>
                  void saveDownload(
                    job.data.downloadUrl!.replace(/^\/api\/v1/, ''),
                    `teamflow-${job.data.kind}-${job.data.from}-to-${job.data.to}.${job.data.format}`,
                  ).catch((err: Error) => showToast({ tone: 'error', title: err.message }))
                }
              >
                Download
              </Button>
            </>
          ) : job.data.status === 'failed' ? (
            <span className="text-rose-700 dark:text-rose-400">{job.data.error ?? 'The export failed.'}</span>
          ) : (
            <span>{job.data.status === 'queued' ? 'Queued…' : 'Making your export…'}</span>
          )}
        </div>
      ) : null}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Every line of an export cites its evidence: the date of the entry or the key of the task it comes
        from. A CV never mentions mood.
      </p>
    </div>
  );
}
