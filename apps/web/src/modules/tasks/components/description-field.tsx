'use client';

import { forwardRef, useState, type TextareaHTMLAttributes } from 'react';
import { SafeMarkdown } from './safe-markdown';

interface DescriptionFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  readOnly: boolean;
  error?: string;
  /** The current text, rendered in the preview tab. */
  preview: string;
}

const tabClass =
  'rounded px-2 py-0.5 text-xs font-medium text-slate-600 aria-pressed:bg-slate-200 aria-pressed:text-slate-900 dark:text-slate-400 dark:aria-pressed:bg-slate-700 dark:aria-pressed:text-slate-100';

/**
 * The task description: a Markdown textarea with a Write / Preview switch. The preview goes
 * through SafeMarkdown (React nodes, never HTML), the same renderer as comments. Read-only
 * viewers see the rendered text.
 */
export const DescriptionField = forwardRef<HTMLTextAreaElement, DescriptionFieldProps>(
  function DescriptionField({ readOnly, error, preview, ...props }, ref) {
    // Read-only shows the rendered text; an editor starts in Write. Derived, not the initial state:
    // the form often mounts before the caller's role has loaded (read-only until then), and a
    // mode fixed at mount left editors in Preview with the textarea hidden.
    const [chosen, setMode] = useState<'write' | 'preview'>();
    const mode = readOnly ? 'preview' : (chosen ?? 'write');
    return (
      <div className="flex flex-col gap-1">
        <div className="flex items-center justify-between gap-2">
          <label
            htmlFor="task-description"
            className="text-sm font-medium text-slate-700 dark:text-slate-300"
          >
            Description
          </label>
          {readOnly ? null : (
            <div role="group" aria-label="Description mode" className="flex gap-1">
              <button
                type="button"
                aria-pressed={mode === 'write'}
                onClick={() => setMode('write')}
                className={tabClass}
              >
                Write
              </button>
              <button
                type="button"
                aria-pressed={mode === 'preview'}
                onClick={() => setMode('preview')}
                className={tabClass}
              >
                Preview
              </button>
            </div>
          )}
        </div>
        {/* The textarea stays mounted (hidden in preview) so the form keeps its registered value. */}
        <textarea
          ref={ref}
          id="task-description"
          rows={6}
          hidden={mode === 'preview'}
          aria-invalid={error ? true : undefined}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none disabled:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:disabled:bg-slate-800"
          placeholder="Add details, links, acceptance criteria… (**bold**, *italic*, `code`)"
          {...props}
        />
        {mode === 'preview' ? (
          <div
            aria-label="Description preview"
            role="region"
            className="min-h-16 rounded-md border border-dashed border-slate-300 px-3 py-2 dark:border-slate-600"
          >
            {preview.trim() ? (
              <SafeMarkdown text={preview} />
            ) : (
              <p className="text-sm text-slate-500">No description</p>
            )}
          </div>
        ) : null}
        {error ? <p className="text-sm text-rose-700">{error}</p> : null}
      </div>
    );
  },
);
