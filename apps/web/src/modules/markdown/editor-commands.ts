// The Markdown editor's keyboard habits as pure functions: each takes the text and its selection
// and returns the edit to make (a range replaced, and the selection after), or null when the key
// should do what it does anyway (Tab outside a list moves focus, as it must).

export interface TextState {
  value: string;
  start: number;
  end: number;
}

export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  /** The selection after the edit, in the new text. */
  select: [number, number];
}

export function applyEdit(state: TextState, edit: TextEdit): TextState {
  return {
    value: state.value.slice(0, edit.from) + edit.insert + state.value.slice(edit.to),
    start: edit.select[0],
    end: edit.select[1],
  };
}

const lineStart = (value: string, at: number) => value.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (value: string, at: number) => {
  const end = value.indexOf('\n', at);
  return end === -1 ? value.length : end;
};

// A list item's start: indent, marker, spacing, and a task-list box if it has one.
const LIST_ITEM = /^([ \t]*)([*+-]|\d{1,9}[.)])([ \t]+|$)(\[[ xX]\](?:[ \t]+|$))?/;

interface ListLine {
  indent: number;
  marker: string;
  /** Where a nested item must start to belong to this one: after the marker and one space. */
  nested: number;
  /** Where the item's text starts, from the start of the line. */
  content: number;
  checkbox: boolean;
}

function listLine(line: string): ListLine | undefined {
  const m = LIST_ITEM.exec(line);
  if (!m) return undefined;
  const [whole, indent = '', marker = '', , box] = m;
  return {
    indent: indent.length,
    marker,
    nested: indent.length + marker.length + 1,
    content: whole.length,
    checkbox: box !== undefined,
  };
}

/** **bold** / _italic_: wraps the selection, or unwraps it when it is wrapped already. */
export function toggleWrap(state: TextState, marker: string): TextEdit {
  const { value, start, end } = state;
  const selected = value.slice(start, end);
  const m = marker.length;
  if (value.slice(start - m, start) === marker && value.slice(end, end + m) === marker) {
    return { from: start - m, to: end + m, insert: selected, select: [start - m, end - m] };
  }
  if (selected.length >= 2 * m && selected.startsWith(marker) && selected.endsWith(marker)) {
    const inner = selected.slice(m, -m);
    return { from: start, to: end, insert: inner, select: [start, start + inner.length] };
  }
  return { from: start, to: end, insert: marker + selected + marker, select: [start + m, end + m] };
}

/** Cmd/Ctrl-K: `[selection](url)` with "url" selected, ready to be typed over. */
export function insertLink(state: TextState): TextEdit {
  const selected = state.value.slice(state.start, state.end);
  const urlAt = state.start + selected.length + 3;
  return { from: state.start, to: state.end, insert: `[${selected}](url)`, select: [urlAt, urlAt + 3] };
}

const URL_ONLY = /^https?:\/\/[^\s<>]+$/i;

/** A URL pasted over selected words makes them a link to it; anything else pastes as usual. */
export function pasteLink(state: TextState, pasted: string): TextEdit | null {
  const url = pasted.trim();
  const selected = state.value.slice(state.start, state.end);
  if (!URL_ONLY.test(url) || !selected.trim() || URL_ONLY.test(selected.trim()) || selected.includes('\n')) {
    return null;
  }
  const insert = `[${selected}](${url})`;
  const after = state.start + insert.length;
  return { from: state.start, to: state.end, insert, select: [after, after] };
}

/**
 * Enter in a list item starts the next item (the next number, an unticked box for a checklist);
 * Enter on an empty item ends the list. null outside a list or with a selection.
 */
export function continueList(state: TextState): TextEdit | null {
  const { value, start, end } = state;
  if (start !== end) return null;
  const from = lineStart(value, start);
  const to = lineEnd(value, start);
  const item = listLine(value.slice(from, to));
  if (!item || start - from < item.content) return null;
  if (value.slice(from + item.content, to).trim() === '') {
    return { from, to, insert: '', select: [from, from] };
  }
  const ordered = /^(\d+)([.)])$/.exec(item.marker);
  const marker = ordered ? `${Number(ordered[1]) + 1}${ordered[2]}` : item.marker;
  const insert = `\n${' '.repeat(item.indent)}${marker} ${item.checkbox ? '[ ] ' : ''}`;
  return { from: start, to: end, insert, select: [start + insert.length, start + insert.length] };
}

/** The list item above line `at` (a line start) with an indent of at most `maxIndent`. */
function itemAbove(value: string, at: number, maxIndent: number): ListLine | undefined {
  let end = at - 1;
  while (end > 0) {
    const from = lineStart(value, end);
    const line = value.slice(from, end);
    const item = listLine(line);
    if (item && item.indent <= maxIndent) return item;
    if (!item && line.trim() === '') return undefined;
    end = from - 1;
  }
  return undefined;
}

function shiftLines(state: TextState, shift: (line: string) => string): TextEdit {
  const { value, start, end } = state;
  const from = lineStart(value, start);
  const to = lineEnd(value, Math.max(start, end - (end > start && value[end - 1] === '\n' ? 1 : 0)));
  const lines = value.slice(from, to).split('\n');
  const shifted = lines.map(shift);
  const firstDelta = shifted[0]!.length - lines[0]!.length;
  const insert = shifted.join('\n');
  const totalDelta = insert.length - (to - from);
  return {
    from,
    to,
    insert,
    select: [Math.max(from, start + firstDelta), Math.max(from, end + totalDelta)],
  };
}

/** Tab on a list item nests it under the item above (by that item's marker width). */
export function indentList(state: TextState): TextEdit | null {
  const from = lineStart(state.value, state.start);
  const item = listLine(state.value.slice(from, lineEnd(state.value, state.start)));
  if (!item) return null;
  const above = itemAbove(state.value, from, item.indent);
  const width = above && above.nested > item.indent ? above.nested - item.indent : item.nested - item.indent;
  const pad = ' '.repeat(width);
  return shiftLines(state, (line) => (line.trim() === '' ? line : pad + line));
}

/** Shift-Tab on a nested list item moves it out one level; null at the top level (focus moves). */
export function outdentList(state: TextState): TextEdit | null {
  const from = lineStart(state.value, state.start);
  const item = listLine(state.value.slice(from, lineEnd(state.value, state.start)));
  if (!item || item.indent === 0) return null;
  const parent = itemAbove(state.value, from, item.indent - 1);
  const by = item.indent - (parent?.indent ?? 0);
  return shiftLines(state, (line) => line.replace(new RegExp(`^[ \\t]{0,${by}}`), ''));
}

/** A space typed after "[]" (or "- []") at the start of a line makes a checklist item: "- [ ] ". */
export function checklistShorthand(state: TextState): TextEdit | null {
  const { value, start, end } = state;
  if (start !== end) return null;
  const from = lineStart(value, start);
  const m = /^([ \t]*)(?:[*+-][ \t]+)?\[\]$/.exec(value.slice(from, start));
  if (!m) return null;
  const insert = `${m[1] ?? ''}- [ ] `;
  return { from, to: start, insert, select: [from + insert.length, from + insert.length] };
}
