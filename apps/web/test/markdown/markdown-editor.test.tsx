import { act, useState } from 'react';
import { MarkdownEditor } from '@/modules/markdown/components/markdown-editor';
import {
  applyEdit,
  checklistShorthand,
  continueList,
  indentList,
  insertLink,
  outdentList,
  pasteLink,
  toggleWrap,
  type TextEdit,
  type TextState,
} from '@/modules/markdown/editor-commands';
import { WORKSPACE } from '../builders';
import { render, type Rendered } from '../render';

/** A text with the selection marked: "[" and "]" around it, or "|" for the caret. */
function at(marked: string): TextState {
  const caret = marked.indexOf('|');
  if (caret !== -1) return { value: marked.replace('|', ''), start: caret, end: caret };
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return { value: marked.replace('[', '').replace(']', ''), start, end };
}

/** The text after an edit, with its selection marked the same way. */
function after(state: TextState, edit: TextEdit | null): string | null {
  if (!edit) return null;
  const { value, start, end } = applyEdit(state, edit);
  if (start === end) return `${value.slice(0, start)}|${value.slice(start)}`;
  return `${value.slice(0, start)}[${value.slice(start, end)}]${value.slice(end)}`;
}

const run = (marked: string, command: (s: TextState) => TextEdit | null) =>
  after(at(marked), command(at(marked)));

describe('editor commands', () => {
  it('Cmd/Ctrl-B and -I wrap the selection, and unwrap it again', () => {
    expect(run('make [this] bold', (s) => toggleWrap(s, '**'))).toBe('make **[this]** bold');
    expect(run('make **[this]** bold', (s) => toggleWrap(s, '**'))).toBe('make [this] bold');
    expect(run('make [**this**] bold', (s) => toggleWrap(s, '**'))).toBe('make [this] bold');
    expect(run('an |', (s) => toggleWrap(s, '_'))).toBe('an _|_');
  });

  it('Cmd/Ctrl-K makes the selection a link with "url" selected to type over', () => {
    // The selection marks here are the outer brackets: "the docs" selected, then "url".
    expect(run('see [the docs] now', insertLink)).toBe('see [the docs]([url]) now');
    expect(run('see | now', insertLink)).toBe('see []([url]) now');
  });

  it('a URL pasted over words links them; other pastes paste', () => {
    const state = at('read [the guide] first');
    expect(after(state, pasteLink(state, 'https://example.com/guide'))).toBe(
      'read [the guide](https://example.com/guide)| first',
    );
    expect(pasteLink(state, 'not a url')).toBeNull();
    expect(pasteLink(at('caret| only'), 'https://example.com')).toBeNull();
    expect(pasteLink(at('[https://old.example]'), 'https://new.example')).toBeNull();
  });

  it('Enter continues bullets, numbers and checklists', () => {
    expect(run('- first|', continueList)).toBe('- first\n- |');
    expect(run('  * nested|', continueList)).toBe('  * nested\n  * |');
    expect(run('9. ninth|', continueList)).toBe('9. ninth\n10. |');
    expect(run('1) one|', continueList)).toBe('1) one\n2) |');
    expect(run('- [x] done|', continueList)).toBe('- [x] done\n- [ ] |');
    expect(run('- split| here', continueList)).toBe('- split\n- | here');
  });

  it('Enter on an empty item ends the list; outside a list Enter is plain', () => {
    expect(run('- first\n- |', continueList)).toBe('- first\n|');
    expect(run('- [ ] a\n- [ ] |', continueList)).toBe('- [ ] a\n|');
    expect(run('just text|', continueList)).toBeNull();
    expect(run('|- at the start', continueList)).toBeNull();
  });

  it('Tab nests a list item under the one above, Shift-Tab brings it back', () => {
    expect(run('- one\n- two|', indentList)).toBe('- one\n  - two|');
    expect(run('1. one\n2. two|', indentList)).toBe('1. one\n   2. two|');
    expect(run('- one\n  - two|', outdentList)).toBe('- one\n- two|');
    expect(run('- [a\n- b]', indentList)).toBe('  - [a\n  - b]');
  });

  it('Tab and Shift-Tab outside a list, or at the top level, leave focus to move', () => {
    expect(run('plain|', indentList)).toBeNull();
    expect(run('- top|', outdentList)).toBeNull();
  });

  it('typing a space after "[]" makes a checklist item', () => {
    expect(run('[]|', checklistShorthand)).toBe('- [ ] |');
    expect(run('  - []|', checklistShorthand)).toBe('  - [ ] |');
    expect(run('text []|', checklistShorthand)).toBeNull();
  });
});

function Harness({ initial = '', onValue }: { initial?: string; onValue?: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <MarkdownEditor
      label="Description"
      workspaceId={WORKSPACE}
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue?.(next);
      }}
    />
  );
}

describe('MarkdownEditor', () => {
  let view: Rendered;
  afterEach(async () => view.unmount());

  const textarea = () => view.container.querySelector('textarea')!;
  async function press(key: string, init: KeyboardEventInit = {}) {
    await act(async () => {
      textarea().dispatchEvent(
        new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }),
      );
      await Promise.resolve();
    });
  }
  async function select(start: number, end = start) {
    await act(async () => {
      textarea().focus();
      textarea().setSelectionRange(start, end);
      await Promise.resolve();
    });
  }

  it('is a labelled textarea with Write / Preview tabs and a live preview panel', async () => {
    view = await render(<Harness initial="**hi**" />);
    const label = view.container.querySelector('label')!;
    expect(label.textContent).toBe('Description');
    expect(textarea().id).toBe(label.htmlFor);
    const tabs = [...view.container.querySelectorAll('[role=tablist] [role=tab]')];
    expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
      ['Write', 'true'],
      ['Preview', 'false'],
    ]);
    const preview = view.container.querySelector('[role=tabpanel][aria-label="Description preview"]')!;
    expect(preview.getAttribute('aria-live')).toBe('polite');
    expect(preview.hasAttribute('hidden')).toBe(true);
    await act(async () => {
      (tabs[1] as HTMLButtonElement).click();
      await Promise.resolve();
    });
    expect(preview.hasAttribute('hidden')).toBe(false);
    expect(preview.querySelector('strong')?.textContent).toBe('hi');
    expect(textarea().closest('[role=tabpanel]')?.hasAttribute('hidden')).toBe(true);
  });

  it('Ctrl-B bolds the selection and keeps it selected', async () => {
    const values: string[] = [];
    view = await render(<Harness initial="make this bold" onValue={(v) => values.push(v)} />);
    await select(5, 9);
    await press('b', { ctrlKey: true });
    expect(values).toEqual(['make **this** bold']);
    expect([textarea().selectionStart, textarea().selectionEnd]).toEqual([7, 11]);
  });

  it('Meta-K links the selection with "url" selected', async () => {
    view = await render(<Harness initial="the docs" />);
    await select(4, 8);
    await press('k', { metaKey: true });
    expect(textarea().value).toBe('the [docs](url)');
    expect(textarea().value.slice(textarea().selectionStart, textarea().selectionEnd)).toBe('url');
  });

  it('Enter continues a checklist, and Tab nests the new item', async () => {
    view = await render(<Harness initial="- [ ] first" />);
    await select(11);
    await press('Enter');
    expect(textarea().value).toBe('- [ ] first\n- [ ] ');
    await press('Tab');
    expect(textarea().value).toBe('- [ ] first\n  - [ ] ');
    await press('Tab', { shiftKey: true });
    expect(textarea().value).toBe('- [ ] first\n- [ ] ');
  });

  it('Tab outside a list is left to the browser (focus moves on)', async () => {
    view = await render(<Harness initial="plain" />);
    await select(5);
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    await act(async () => {
      textarea().dispatchEvent(event);
      await Promise.resolve();
    });
    expect(event.defaultPrevented).toBe(false);
  });
});
