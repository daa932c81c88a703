'use client';

import type { WorklogEntry } from '@teamflow/contracts/worklog';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-error';
import { MarkdownEditor } from '@/modules/markdown/components/markdown-editor';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { Button } from '@/modules/ui/components/button';
import { useDayEntry, useSaveEntry } from '../hooks/use-worklog';
import { AnalysisChips } from './analysis-chips';

type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'retrying' | 'conflict' | 'error';

const AUTOSAVE_MS = 800;
const draftKey = (date: string) => `teamflow:worklog-draft:${date}`;

const STATE_TEXT: Record<SaveState, string> = {
  idle: '',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  retrying: 'Offline: your text is kept here and saving retries',
  conflict: 'Changed elsewhere: choose a version',
  error: 'Not saved',
};

/**
 * One editor per day: the day's entry, autosaved (800 ms after typing stops) with the version last
 * seen. A network failure keeps the draft (also in localStorage) and retries with back-off; a 409
 * shows both versions and lets the author pick, so nothing is silently lost.
 */
export function JournalDayEditor({ date, workspaceId }: { date: string; workspaceId: string }) {
  const day = useDayEntry(date);
  if (day.isPending) return <p className="text-sm text-slate-500 dark:text-slate-400">Loading the day…</p>;
  return <DayEditor key={date} date={date} workspaceId={workspaceId} server={day.data ?? null} />;
}

function keptDraft(date: string): string | null {
  return typeof window === 'undefined' ? null : window.localStorage.getItem(draftKey(date));
}

function DayEditor({
  date,
  workspaceId,
  server,
}: {
  date: string;
  workspaceId: string;
  server: WorklogEntry | null;
}) {
  const save = useSaveEntry();
  // A draft that never reached the server wins over the saved copy.
  const [entry, setEntry] = useState<WorklogEntry | null>(server);
  const [draft, setDraft] = useState(() => keptDraft(date) ?? server?.body ?? '');
  const [state, setState] = useState<SaveState>(() => {
    const kept = keptDraft(date);
    return kept !== null && kept !== (server?.body ?? '') ? 'unsaved' : 'idle';
  });
  const [conflict, setConflict] = useState<WorklogEntry | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const retryMs = useRef(1000);
  const latest = useRef({ entry, draft });
  useEffect(() => {
    latest.current = { entry, draft };
  });

  // A newer copy from elsewhere (another tab, the analysis landing) is taken in while rendering,
  // when nothing here is unsaved; an older one never replaces what was saved from here.
  const [seen, setSeen] = useState(server);
  if (server !== seen) {
    setSeen(server);
    if (server && entry && server.id === entry.id) {
      if (server.version > entry.version && draft === entry.body) {
        setEntry(server);
        setDraft(server.body);
      } else if (server.version === entry.version) setEntry(server);
    }
  }

  async function flush(): Promise<void> {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const { entry: current, draft: text } = latest.current;
    if (current && text === current.body) return setState('saved');
    if (!current && text.trim() === '') return;
    inFlight.current = true;
    setState('saving');
    try {
      const saved = await save(current, { date, body: text });
      setEntry(saved);
      retryMs.current = 1000;
      window.localStorage.removeItem(draftKey(date));
      setState(latest.current.draft === saved.body ? 'saved' : 'unsaved');
      if (latest.current.draft !== saved.body) again.current = true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const theirs = (error.details as { current?: WorklogEntry } | undefined)?.current ?? null;
        setConflict(theirs);
        setState('conflict');
      } else if (error instanceof ApiError && (error.status === 0 || error.status >= 500)) {
        setState('retrying');
        const wait = retryMs.current;
        retryMs.current = Math.min(wait * 2, 30_000);
        timer.current = setTimeout(() => void flush(), wait);
      } else setState('error');
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void flush();
      }
    }
  }

  function onChange(text: string) {
    setDraft(text);
    window.localStorage.setItem(draftKey(date), text);
    if (state !== 'conflict') setState('unsaved');
    clearTimeout(timer.current);
    if (state !== 'conflict') timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function keepMine() {
    if (!conflict) return;
    setEntry(conflict);
    setConflict(null);
    latest.current = { entry: conflict, draft };
    void flush();
  }
  function useTheirs() {
    if (!conflict) return;
    setEntry(conflict);
    setDraft(conflict.body);
    window.localStorage.removeItem(draftKey(date));
    setConflict(null);
    setState('saved');
  }

  return (
    <div className="flex flex-col gap-2">
      <MarkdownEditor
        label={`Entry for ${date}`}
        value={draft}
        onChange={onChange}
        onBlur={() => {
          clearTimeout(timer.current);
          if (state === 'unsaved') void flush();
        }}
        workspaceId={workspaceId}
        rows={8}
        placeholder="What did you work on? What went well, what got in the way? #tags link projects."
      />
      <p
        role="status"
        aria-live="polite"
        data-testid="save-state"
        className="text-xs text-slate-600 dark:text-slate-400"
      >
        {STATE_TEXT[state]}
      </p>
      {conflict ? (
        <div
          role="alertdialog"
          aria-label="Two versions of this entry"
          className="grid gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 sm:grid-cols-2 dark:border-amber-700 dark:bg-amber-950"
        >
          <div>
            <h3 className="text-sm font-semibold">Your version</h3>
            <MarkdownView source={draft} />
          </div>
          <div>
            <h3 className="text-sm font-semibold">Saved elsewhere (version {conflict.version})</h3>
            <MarkdownView source={conflict.body} />
          </div>
          <div className="flex gap-2 sm:col-span-2">
            <Button onClick={keepMine}>Keep mine</Button>
            <Button variant="secondary" onClick={useTheirs}>
              Use the saved one
            </Button>
          </div>
        </div>
      ) : null}
      {entry ? <AnalysisChips analysis={entry.analysis} /> : null}
    </div>
  );
}
