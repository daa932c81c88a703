'use client';

import { useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import {
  checklistShorthand,
  continueList,
  indentList,
  insertLink,
  outdentList,
  pasteLink,
  toggleWrap,
  type TextEdit,
  type TextState,
} from '../editor-commands';
import { useMentionPicker } from '../hooks/use-mention-picker';
import { MarkdownView } from './markdown-view';

export interface MarkdownEditorProps {
  /** The field's name, read by assistive tech (and shown, unless `labelHidden`). */
  label: string;
  labelHidden?: boolean;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Members offered after "@", and task keys linked in the preview. */
  workspaceId: string;
  id?: string;
  name?: string;
  placeholder?: string;
  rows?: number;
  error?: string;
  disabled?: boolean;
  /** Which tab shows first (Write unless told). */
  initialMode?: 'write' | 'preview';
  /** Task-list checkboxes in the preview toggle the text (see MarkdownView). */
  onToggleChecklist?: (nextSource: string) => void;
  checklistBusy?: boolean;
  /** Also given the textarea (react-hook-form's field.ref, to focus it on an error). */
  textareaRef?: (node: HTMLTextAreaElement | null) => void;
  textareaClassName?: string;
}

const tabClass =
  'rounded px-2 py-0.5 text-xs font-medium text-slate-600 aria-selected:bg-slate-200 aria-selected:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400 dark:aria-selected:bg-slate-700 dark:aria-selected:text-slate-100';
const defaultTextareaClass =
  'w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none disabled:bg-slate-50 dark:border-slate-600 dark:bg-slate-900 dark:disabled:bg-slate-800';

type Mode = 'write' | 'preview';

/**
 * The one Markdown editor (task description, comments, every long text): Write / Preview tabs, the
 * keyboard habits people bring from GitHub (Cmd/Ctrl-B bold, -I italic, -K link; Tab / Shift-Tab
 * nest list items; Enter continues a list or checklist and ends it on an empty item; "[] " makes
 * a checklist item; a URL pasted over words links them) and the @-mention picker.
 *
 * Edits go through the browser's insertText command where it has one, so Undo undoes them.
 */
export function MarkdownEditor({
  label,
  labelHidden,
  value,
  onChange,
  onBlur,
  workspaceId,
  id,
  name,
  placeholder,
  rows = 6,
  error,
  disabled,
  initialMode = 'write',
  onToggleChecklist,
  checklistBusy,
  textareaRef,
  textareaClassName = defaultTextareaClass,
}: MarkdownEditorProps) {
  const ownId = useId();
  const base = id ?? `markdown-${ownId.replace(/[^\w-]/g, '')}`;
  const [mode, setMode] = useState<Mode>(initialMode);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const pendingSelection = useRef<[number, number] | null>(null);
  const mentions = useMentionPicker(workspaceId, value, onChange, textarea);

  // An edit made without the browser's command lands with the next render; put the selection back then.
  useLayoutEffect(() => {
    const select = pendingSelection.current;
    if (!select || !textarea.current) return;
    pendingSelection.current = null;
    textarea.current.setSelectionRange(select[0], select[1]);
  }, [value]);

  const setRefs = (node: HTMLTextAreaElement | null) => {
    textarea.current = node;
    textareaRef?.(node);
  };

  const apply = (edit: TextEdit) => {
    const box = textarea.current;
    if (!box) return;
    box.setSelectionRange(edit.from, edit.to);
    const inserted =
      edit.from === edit.to && edit.insert === ''
        ? true
        : typeof document.execCommand === 'function' &&
          document.execCommand(edit.insert === '' ? 'delete' : 'insertText', false, edit.insert);
    if (inserted) {
      box.setSelectionRange(edit.select[0], edit.select[1]);
      return;
    }
    pendingSelection.current = edit.select;
    onChange(value.slice(0, edit.from) + edit.insert + value.slice(edit.to));
  };

  const state = (): TextState => {
    const box = textarea.current!;
    return { value: box.value, start: box.selectionStart, end: box.selectionEnd };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mentions.onKeyDown(event) || event.nativeEvent.isComposing) return;
    const mod = event.metaKey || event.ctrlKey;
    const key = event.key.toLowerCase();
    let edit: TextEdit | null = null;
    if (mod && !event.altKey && !event.shiftKey && key === 'b') edit = toggleWrap(state(), '**');
    else if (mod && !event.altKey && !event.shiftKey && key === 'i') edit = toggleWrap(state(), '_');
    else if (mod && !event.altKey && !event.shiftKey && key === 'k') edit = insertLink(state());
    else if (event.key === 'Tab' && !mod && !event.altKey)
      edit = event.shiftKey ? outdentList(state()) : indentList(state());
    else if (event.key === 'Enter' && !mod && !event.shiftKey && !event.altKey) edit = continueList(state());
    else if (event.key === ' ' && !mod) edit = checklistShorthand(state());
    if (!edit) return;
    event.preventDefault();
    apply(edit);
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const edit = pasteLink(state(), event.clipboardData.getData('text/plain'));
    if (!edit) return;
    event.preventDefault();
    apply(edit);
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    mentions.close();
  };
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = mode === 'write' ? 'preview' : 'write';
    switchTo(next);
    document.getElementById(`${base}-${next}-tab`)?.focus();
  };

  const tab = (which: Mode, text: string) => (
    <button
      type="button"
      role="tab"
      id={`${base}-${which}-tab`}
      aria-selected={mode === which}
      aria-controls={`${base}-${which}`}
      tabIndex={mode === which ? 0 : -1}
      onClick={() => switchTo(which)}
      onKeyDown={onTabKey}
      className={tabClass}
    >
      {text}
    </button>
  );

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <label
          htmlFor={base}
          className={labelHidden ? 'sr-only' : 'text-sm font-medium text-slate-700 dark:text-slate-300'}
        >
          {label}
        </label>
        <div role="tablist" aria-label={`${label} mode`} className="ml-auto flex gap-1">
          {tab('write', 'Write')}
          {tab('preview', 'Preview')}
        </div>
      </div>
      <div
        role="tabpanel"
        id={`${base}-write`}
        aria-labelledby={`${base}-write-tab`}
        hidden={mode !== 'write'}
        className="relative"
      >
        <textarea
          ref={setRefs}
          id={base}
          name={name}
          rows={rows}
          value={value}
          disabled={disabled}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${base}-hint`}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={mentions.open}
          aria-controls={mentions.open ? mentions.listId : undefined}
          aria-activedescendant={mentions.open ? `${mentions.listId}-${mentions.active}` : undefined}
          className={textareaClassName}
          onChange={(event) => {
            onChange(event.target.value);
            mentions.track(event.target.value, event.target.selectionStart);
          }}
          onClick={(event) => mentions.track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            mentions.close();
            onBlur?.();
          }}
        />
        <p id={`${base}-hint`} className="sr-only">
          Markdown: Control or Command plus B for bold, I for italic, K for a link; @ to mention someone.
        </p>
        {mentions.open ? (
          <ul
            id={mentions.listId}
            role="listbox"
            aria-label="Mention a member"
            className="absolute top-full left-0 z-50 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            {mentions.matches.map((person, i) => (
              <li
                key={person.id}
                id={`${mentions.listId}-${i}`}
                role="option"
                aria-selected={i === mentions.active}
                // mousedown, not click: the textarea's blur would close the list first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  mentions.pick(person);
                }}
                className={`cursor-pointer rounded px-2 py-1.5 text-sm ${i === mentions.active ? 'bg-indigo-50 dark:bg-slate-800' : ''}`}
              >
                <span className="font-medium">{person.name}</span>
                <span className="ml-2 text-xs text-slate-500 dark:text-slate-400">{person.email}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {/* Always in the page so a screen reader announces the preview when it appears. */}
      <div
        role="tabpanel"
        id={`${base}-preview`}
        aria-label={`${label} preview`}
        aria-live="polite"
        hidden={mode !== 'preview'}
        className="min-h-16 rounded-md border border-dashed border-slate-300 px-3 py-2 dark:border-slate-600"
      >
        {mode !== 'preview' ? null : value.trim() ? (
          <MarkdownView
            source={value}
            workspaceId={workspaceId}
            onToggleChecklist={disabled ? undefined : onToggleChecklist}
            checklistBusy={checklistBusy}
          />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">Nothing to preview</p>
        )}
      </div>
      {error ? <p className="text-sm text-rose-700 dark:text-rose-400">{error}</p> : null}
    </div>
  );
}
