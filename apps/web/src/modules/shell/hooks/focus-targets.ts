/** The board's "To do" quick-add input, if this page has one. */
export function focusQuickAdd(): boolean {
  const input = document.querySelector<HTMLInputElement>('input[aria-label="Add a task to To do"]');
  input?.focus();
  return Boolean(input);
}

/** The page's own filter/search box, if it has one. */
export function focusPageSearch(): boolean {
  const input = document.querySelector<HTMLInputElement>(
    'input[aria-label="Filter by text"], input[aria-label="Search this workspace"]',
  );
  input?.focus();
  return Boolean(input);
}
