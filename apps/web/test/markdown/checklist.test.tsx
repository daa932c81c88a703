import { act } from 'react';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { toggleChecklistItem } from '@/modules/markdown/toggle-checklist';
import { render, settle, type Rendered } from '../render';

describe('toggleChecklistItem', () => {
  it('ticks an unticked item and unticks a ticked one, changing only the box', () => {
    expect(toggleChecklistItem('- [ ] a\n- [x] b', 0)).toBe('- [x] a\n- [x] b');
    expect(toggleChecklistItem('- [ ] a\n- [x] b', 8)).toBe('- [ ] a\n- [ ] b');
    expect(toggleChecklistItem('* [X] shout', 0)).toBe('* [ ] shout');
  });

  it('handles ordered, nested and quoted items at their offsets', () => {
    const source = '1. [ ] one\n2) [x] two\n   - [ ] nested\n> + [ ] quoted';
    expect(toggleChecklistItem(source, 11)).toBe('1. [ ] one\n2) [ ] two\n   - [ ] nested\n> + [ ] quoted');
    expect(toggleChecklistItem(source, 25)).toBe('1. [ ] one\n2) [x] two\n   - [x] nested\n> + [ ] quoted');
    expect(toggleChecklistItem(source, 40)).toBe('1. [ ] one\n2) [x] two\n   - [ ] nested\n> + [x] quoted');
  });

  it('returns null where no checklist item starts (the text moved under the view)', () => {
    expect(toggleChecklistItem('- plain item', 0)).toBeNull();
    expect(toggleChecklistItem('- [ ] a', 3)).toBeNull();
  });
});

describe('checklists in MarkdownView', () => {
  let view: Rendered | undefined;
  afterEach(async () => view?.unmount());

  const SOURCE = 'Steps:\n\n- [ ] design\n- [x] build\n  - [ ] unit tests\n\n```md\n- [ ] not a box\n```\n';

  const box = (name: string) =>
    view!.container.querySelector<HTMLInputElement>(`input[type=checkbox][aria-label="${name}"]`)!;

  it('clicking a box hands back the source with exactly that item toggled', async () => {
    const changes: string[] = [];
    view = await render(<MarkdownView source={SOURCE} onToggleChecklist={(next) => changes.push(next)} />);
    expect(view.container.querySelectorAll('input[type=checkbox]')).toHaveLength(3);
    await act(async () => {
      box('unit tests').click();
      await Promise.resolve();
    });
    await act(async () => {
      box('build').click();
      await Promise.resolve();
    });
    expect(changes).toEqual([
      SOURCE.replace('- [ ] unit tests', '- [x] unit tests'),
      SOURCE.replace('- [x] build', '- [ ] build'),
    ]);
  });

  it('shows the source as it is: a click does not tick the box until the new source arrives', async () => {
    view = await render(<MarkdownView source={SOURCE} onToggleChecklist={() => undefined} />);
    await act(async () => {
      box('design').click();
      await Promise.resolve();
    });
    expect(box('design').checked).toBe(false);
    await view.rerender(
      <MarkdownView
        source={SOURCE.replace('- [ ] design', '- [x] design')}
        onToggleChecklist={() => undefined}
      />,
    );
    expect(box('design').checked).toBe(true);
  });

  it('boxes are disabled without a handler, and ignore clicks while a toggle is saved', async () => {
    view = await render(<MarkdownView source={SOURCE} />);
    expect(box('design').disabled).toBe(true);
    const changes: string[] = [];
    await view.rerender(
      <MarkdownView source={SOURCE} checklistBusy onToggleChecklist={(n) => changes.push(n)} />,
    );
    await act(async () => {
      box('design').click();
      await Promise.resolve();
    });
    expect(changes).toEqual([]);
  });
});

describe('a long text', () => {
  let view: Rendered | undefined;
  afterEach(async () => view?.unmount());

  it('renders in parts, all of it in the end, and a box far down toggles its own item', async () => {
    const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} ${'words '.repeat(40)}`).join('\n\n');
    const source = `${filler}\n\n- [ ] far down\n- [x] the last one\n`;
    const changes: string[] = [];
    view = await render(<MarkdownView source={source} onToggleChecklist={(next) => changes.push(next)} />);
    const rendered = () => view!.container.querySelectorAll('p').length;
    expect(rendered()).toBeLessThan(60);
    for (let i = 0; i < 20 && !view.container.querySelector('input[aria-label="far down"]'); i++)
      await settle(10);
    expect(rendered()).toBe(60);
    await act(async () => {
      view!.container.querySelector<HTMLInputElement>('input[aria-label="far down"]')!.click();
      await Promise.resolve();
    });
    expect(changes).toEqual([source.replace('- [ ] far down', '- [x] far down')]);
  });
});
