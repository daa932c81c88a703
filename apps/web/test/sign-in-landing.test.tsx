import { randomUUID } from 'node:crypto';
import type { Workspace } from '@teamflow/contracts/workspaces';
import { queryKeys } from '@/lib/query-keys';
import { WorkspaceList } from '@/modules/workspaces/components/workspace-list';
import { landingWorkspace } from '@/modules/workspaces/last-workspace';
import { WorkspaceNav } from '@/modules/shell/components/workspace-nav';
import { aQueryClient, aUser } from './builders';
import { render, settle, type Rendered } from './render';

const route = { search: '', pathname: '/workspaces' };
const replace = jest.fn();
jest.mock('next/navigation', () => ({
  useSearchParams: () => new URLSearchParams(route.search),
  usePathname: () => route.pathname,
  useRouter: () => ({ replace }),
}));

const user = aUser();
const aWorkspace = (name: string): Workspace => ({
  id: randomUUID(),
  name,
  slug: name.toLowerCase(),
  role: 'member',
  timeZone: 'UTC',
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
});

let page: Rendered | undefined;
beforeEach(() => {
  replace.mockClear();
  localStorage.clear();
});
afterEach(async () => {
  await page?.unmount();
  page = undefined;
});

function signedInWith(workspaces: Workspace[]) {
  const client = aQueryClient();
  client.setQueryData(queryKeys.session, user);
  client.setQueryData(queryKeys.workspaces, workspaces);
  return client;
}

describe('where signing in lands', () => {
  it('is the workspace used last when it is still the caller’s, else the only one, else the list', () => {
    const [a, b] = [aWorkspace('A'), aWorkspace('B')];
    expect(landingWorkspace([a, b], b.id)).toBe(b.id);
    expect(landingWorkspace([a], 'a-workspace-left-since')).toBe(a.id);
    expect(landingWorkspace([a, b], 'a-workspace-left-since')).toBeNull();
    expect(landingWorkspace([a, b], null)).toBeNull();
    expect(landingWorkspace([], null)).toBeNull();
  });

  it('opens the workspace whose pages were open last on this device', async () => {
    const [a, b] = [aWorkspace('Alpha'), aWorkspace('Beta')];
    const client = signedInWith([a, b]);
    route.pathname = `/w/${b.id}`;
    page = await render(<WorkspaceNav workspaceId={b.id} />, client);
    await page.unmount();

    route.pathname = '/workspaces';
    route.search = 'from=sign-in';
    page = await render(<WorkspaceList />, client);
    await settle();
    expect(replace).toHaveBeenCalledWith(`/w/${b.id}`);
  });

  it('lists several workspaces when none was used on this device, dropping the sign-in mark from the address', async () => {
    route.search = 'from=sign-in';
    page = await render(<WorkspaceList />, signedInWith([aWorkspace('Alpha'), aWorkspace('Beta')]));
    await settle();
    expect(replace).toHaveBeenCalledWith('/workspaces');
    expect(page.container.querySelectorAll('li')).toHaveLength(2);
  });

  it('only from sign-in: the list opened from the workspace switcher stays the list', async () => {
    const only = aWorkspace('Alpha');
    route.search = '';
    page = await render(<WorkspaceList />, signedInWith([only]));
    await settle();
    expect(replace).not.toHaveBeenCalled();
    expect(page.container.textContent).toContain('Alpha');
  });
});
