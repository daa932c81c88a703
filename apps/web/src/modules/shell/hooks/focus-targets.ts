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

// Each task's title link on a board card or a list row: the keyboard selection is whichever has focus.
const TASK_LINK = 'a[data-task-link]';

/**
 * `j` / `k`: moves the selection to the next or previous task in page order (board columns top to
 * bottom, left to right; list rows). A virtual column renders the next card as the focused one
 * scrolls into view, so the walk goes through a long column too.
 */
export function moveTaskSelection(step: 1 | -1): boolean {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(TASK_LINK)];
  if (links.length === 0) return false;
  const holder = document.activeElement?.closest('article, tr');
  const current = links.findIndex(
    (link) => link === document.activeElement || link.closest('article, tr') === holder,
  );
  // With nothing selected, j starts at the first task and k at the last.
  const from = current === -1 ? (step === 1 ? -1 : links.length) : current;
  const next = Math.min(links.length - 1, Math.max(0, from + step));
  links[next]!.focus();
  links[next]!.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  return true;
}

/** `e`: opens the selected task's detail and puts the cursor in its title (when the role may edit it). */
export function editSelectedTask(): boolean {
  const active = document.activeElement;
  const link = active instanceof HTMLAnchorElement && active.matches(TASK_LINK) ? active : null;
  const onTaskPage = document.querySelector('form[data-task-detail]') !== null;
  if (!link && !onTaskPage) return false;
  link?.click();
  // The detail renders a moment after the URL changes.
  const deadline = performance.now() + 3000;
  const focusTitle = () => {
    const title = document.querySelector<HTMLInputElement>('form[data-task-detail] input[name="title"]');
    if (title && !title.disabled) {
      title.focus();
      title.select();
    } else if (performance.now() < deadline) requestAnimationFrame(focusTitle);
  };
  requestAnimationFrame(focusTitle);
  return true;
}
