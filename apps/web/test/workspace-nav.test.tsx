import { randomUUID } from 'node:crypto';
import { queryKeys } from '@/lib/query-keys';
import { WorkspaceNav } from '@/modules/shell/components/workspace-nav';
import { aQueryClient, aUser } from './builders';
import { render, type Rendered } from './render';

const route = { pathname: '/' };
jest.mock('next/navigation', () => ({ usePathname: () => route.pathname }));

// jsdom scrolls nothing: record which links the strip asked to bring into view, and how.
const scrolled: { text: string | null; options: unknown }[] = [];
beforeAll(() => {
  Object.defineProperty(HTMLAnchorElement.prototype, 'scrollIntoView', {
    configurable: true,
    value(this: HTMLAnchorElement, options: unknown) {
      scrolled.push({ text: this.textContent, options });
    },
  });
});
afterAll(() => {
  delete (HTMLAnchorElement.prototype as { scrollIntoView?: unknown }).scrollIntoView;
});

let page: Rendered | undefined;
afterEach(async () => {
  await page?.unmount();
  page = undefined;
  scrolled.length = 0;
});

function signedIn(workspaceId: string) {
  const client = aQueryClient();
  client.setQueryData(queryKeys.session, aUser());
  client.setQueryData(queryKeys.workspaces, [
    {
      id: workspaceId,
      name: 'Acme',
      slug: 'acme',
      role: 'member',
      timeZone: 'UTC',
      createdAt: new Date(0).toISOString(),
      updatedAt: new Date(0).toISOString(),
    },
  ]);
  return client;
}

describe('the workspace navigation strip', () => {
  it('brings the area open into view, to the middle of the strip, and follows the next one opened', async () => {
    const id = randomUUID();
    route.pathname = `/w/${id}/worklog`;
    page = await render(<WorkspaceNav workspaceId={id} />, signedIn(id));
    const current = page.container.querySelector('a[aria-current="page"]');
    expect(current?.textContent).toBe('Work log');
    expect(scrolled.at(-1)).toEqual({ text: 'Work log', options: { block: 'nearest', inline: 'center' } });

    route.pathname = `/w/${id}/progress`;
    await page.rerender(<WorkspaceNav workspaceId={id} />);
    expect(scrolled.at(-1)?.text).toBe('Progress');
  });
});
