'use client';

import type { UserSummary } from '@teamflow/contracts/users';
import { useId, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { useWorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';

// "@" at the start or after a space, then what has been typed of a name or email so far.
const TRIGGER = /(^|\s)@([^\s@[\]()]{0,40})$/;

export interface MentionPicker {
  open: boolean;
  listId: string;
  active: number;
  matches: UserSummary[];
  /** Call after the text or the caret moved. */
  track: (text: string, caret: number) => void;
  /** Handles the list's keys (arrows, Enter/Tab to pick, Escape); true when it took the key. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  pick: (person: UserSummary) => void;
  close: () => void;
}

/**
 * Offers workspace members after "@" and inserts `@[Name](userId)`, the mention token the api
 * notifies on (contracts' `mentionedUserIds`). Arrow keys move, Enter or Tab pick, Escape closes.
 */
export function useMentionPicker(
  workspaceId: string,
  value: string,
  onChange: (value: string) => void,
  textarea: RefObject<HTMLTextAreaElement | null>,
): MentionPicker {
  const { people } = useWorkspaceDirectory(workspaceId);
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
    const box = textarea.current;
    if (!query || !box) return;
    const token = `@[${person.name.replace(/[[\]]/g, '')}](${person.id}) `;
    onChange(value.slice(0, query.start) + token + value.slice(box.selectionStart));
    setQuery(null);
    const at = query.start + token.length;
    requestAnimationFrame(() => textarea.current?.setSelectionRange(at, at));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      pick(matches[active]!);
    } else if (event.key === 'Escape') {
      setQuery(null);
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  };

  return { open, listId, active, matches, track, onKeyDown, pick, close: () => setQuery(null) };
}
