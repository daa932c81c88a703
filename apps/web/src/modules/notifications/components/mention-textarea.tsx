'use client';

import type { UserSummary } from '@teamflow/contracts/users';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useWorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';

interface MentionTextareaProps {
  workspaceId: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  rows?: number;
  className?: string;
}

// "@" at the start or after a space, then what has been typed of a name or email so far.
const TRIGGER = /(^|\s)@([^\s@[\]()]{0,40})$/;

/**
 * A textarea that offers workspace members after "@" and inserts `@[Name](userId)`, the mention
 * token the api notifies on. Arrow keys move, Enter or Tab pick, Escape closes.
 */
export function MentionTextarea({
  workspaceId,
  value,
  onChange,
  label,
  placeholder,
  rows = 3,
  className,
}: MentionTextareaProps) {
  const { people } = useWorkspaceDirectory(workspaceId);
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<{ text: string; start: number } | null>(null);
  const [active, setActive] = useState(0);

  const matches = useMemo(() => {
    if (!query) return [];
    const q = query.text.toLowerCase();
    return [...people.values()]
      .filter((p) => p.name.toLowerCase().includes(q) || p.email.toLowerCase().startsWith(q))
      .slice(0, 6);
  }, [people, query]);
  const open = query !== null && matches.length > 0;

  const track = (text: string, caret: number) => {
    const m = TRIGGER.exec(text.slice(0, caret));
    setQuery(m ? { text: m[2] ?? '', start: caret - (m[2]?.length ?? 0) - 1 } : null);
    setActive(0);
  };

  const pick = (person: UserSummary) => {
    if (!query || !ref.current) return;
    const caret = ref.current.selectionStart;
    const token = `@[${person.name.replace(/[[\]]/g, '')}](${person.id}) `;
    const next = value.slice(0, query.start) + token + value.slice(caret);
    onChange(next);
    setQuery(null);
    const at = query.start + token.length;
    requestAnimationFrame(() => ref.current?.setSelectionRange(at, at));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(matches[active]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery(null);
    }
  };

  return (
    <div className="relative">
      <textarea
        ref={ref}
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        rows={rows}
        value={value}
        placeholder={placeholder}
        className={className}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target.value, e.target.selectionStart);
        }}
        onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Mention a member"
          className="absolute left-0 top-full z-50 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {matches.map((person, i) => (
            <li
              key={person.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the textarea's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(person);
              }}
              className={`cursor-pointer rounded px-2 py-1.5 text-sm ${i === active ? 'bg-indigo-50 dark:bg-slate-800' : ''}`}
            >
              <span className="font-medium">{person.name}</span>
              <span className="ml-2 text-xs text-slate-500">{person.email}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
