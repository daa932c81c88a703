// A task-list item at the start of a list item: its marker, spaces, then "[ ]" or "[x]".
const CHECKLIST_ITEM = /^((?:[*+-]|\d{1,9}[.)])[ \t]+\[)([ xX])\]/;

/**
 * The Markdown source with the checklist item starting at `offset` (where its list item begins,
 * as the parser reports it) ticked or unticked: only the one character between the brackets
 * changes. null when no checklist item starts there (the text changed under the view).
 */
export function toggleChecklistItem(source: string, offset: number): string | null {
  const match = CHECKLIST_ITEM.exec(source.slice(offset, offset + 24));
  if (!match?.[1] || match[2] === undefined) return null;
  const at = offset + match[1].length;
  return source.slice(0, at) + (match[2] === ' ' ? 'x' : ' ') + source.slice(at + 1);
}
