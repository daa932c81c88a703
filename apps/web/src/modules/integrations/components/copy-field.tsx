'use client';

import { useState } from 'react';
import { Button } from '@/modules/ui/components/button';

/** A value to paste elsewhere (a URL, a secret): shown read-only with a copy button; secrets hidden until asked. */
export function CopyField({
  label,
  value,
  secret = false,
}: {
  label: string;
  value: string;
  secret?: boolean;
}) {
  const [shown, setShown] = useState(!secret);
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="flex flex-col gap-1">
      <span className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</span>
      <div className="flex flex-wrap items-center gap-2">
        <code
          aria-label={label}
          className="min-w-0 flex-1 rounded-md bg-slate-100 px-2 py-1.5 text-xs break-all text-slate-800 dark:bg-slate-800 dark:text-slate-200"
        >
          {shown ? value : '•'.repeat(24)}
        </code>
        {secret ? (
          <Button variant="ghost" onClick={() => setShown((now) => !now)} aria-pressed={shown}>
            {shown ? 'Hide' : 'Show'}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
