import { act } from 'react';
import { InviteForm } from '@/modules/members/components/invite-form';
import { queryKeys } from '@/lib/query-keys';
import { anAnswer, aQueryClient, WORKSPACE } from './builders';
import { render, settle, typeInto, type Rendered } from './render';

const member = {
  user: { id: '3b0f6a0e-5a4e-4d2a-9c1b-2f3e4d5c6b7a', name: 'Maya Member', email: 'maya@example.test' },
  role: 'member',
  joinedAt: '2026-12-01T09:00:00.000Z',
};

/** The api at fetch: records every invitation posted and answers it as created. */
function api() {
  const posted: unknown[] = [];
  const fetch = jest.fn((input: string, init: RequestInit = {}) => {
    if (init.method === 'POST' && input.endsWith('/invitations')) {
      const body = JSON.parse(init.body as string) as { email: string; role: string };
      posted.push(body);
      return Promise.resolve(
        anAnswer(201, {
          invitation: {
            id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
            workspaceId: WORKSPACE,
            email: body.email,
            role: body.role,
            expiresAt: '2026-12-14T09:00:00.000Z',
            createdAt: '2026-12-07T09:00:00.000Z',
          },
          inviteUrl: 'http://localhost:3000/invite/token',
        }),
      );
    }
    return Promise.resolve(anAnswer(404, { error: { code: 'NOT_FOUND', message: 'no', requestId: 'r' } }));
  });
  globalThis.fetch = fetch as unknown as typeof globalThis.fetch;
  return posted;
}

describe('the invite form', () => {
  let view: Rendered;
  const realFetch = globalThis.fetch;
  afterEach(async () => {
    await view.unmount();
    globalThis.fetch = realFetch;
  });

  async function invite(email: string) {
    await typeInto(view.container.querySelector<HTMLInputElement>('input[type=email]')!, email);
    const form = view.container.querySelector('form')!;
    await act(async () => {
      form.requestSubmit();
      await Promise.resolve();
    });
    await settle();
  }

  async function renderForm() {
    const queryClient = aQueryClient();
    queryClient.setQueryData(queryKeys.members(WORKSPACE), { items: [member], nextCursor: null });
    view = await render(<InviteForm workspaceId={WORKSPACE} />, queryClient);
  }

  it('says someone is already a member, whatever the case they are typed in, and sends nothing', async () => {
    const posted = api();
    await renderForm();
    await invite('  Maya@Example.TEST ');
    expect(view.container.textContent).toContain('maya@example.test is already a member of this workspace');
    expect(posted).toEqual([]);
  });

  it('invites anyone else and shows the link to share', async () => {
    const posted = api();
    await renderForm();
    await invite('new.person@example.test');
    expect(posted).toEqual([{ email: 'new.person@example.test', role: 'member' }]);
    expect(view.container.textContent).toContain('Invitation sent to new.person@example.test');
  });
});
