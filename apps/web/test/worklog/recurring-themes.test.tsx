import { RecurringThemes } from '@/modules/worklog/components/recurring-themes';
import { render } from '../render';

describe('RecurringThemes', () => {
  it('lists the themes named in more than one entry, not every noun named once', async () => {
    const view = await render(
      <RecurringThemes
        themes={[
          { term: 'board', count: 5 },
          { term: 'bug', count: 2 },
          { term: 'adam', count: 1 },
          { term: 'annoying', count: 1 },
        ]}
      />,
    );
    expect(view.container.textContent).toBe('Themes you came back to: board (5 entries), bug (2 entries)');
    await view.unmount();
  });

  it('shows nothing when no theme comes back', async () => {
    const view = await render(<RecurringThemes themes={[{ term: 'adam', count: 1 }]} />);
    expect(view.container.textContent).toBe('');
    await view.unmount();
  });
});
