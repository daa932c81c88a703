'use client';

import { GithubSettings } from './github-settings';
import { SlackSettings } from './slack-settings';

/** Workspace settings → Integrations: GitHub and Slack, for owners and admins only. */
export function IntegrationSettings({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  if (!canManage) return null;
  return (
    <section aria-labelledby="integrations-heading" className="flex flex-col gap-4">
      <h2 id="integrations-heading" className="text-lg font-semibold">
        Integrations
      </h2>
      <GithubSettings workspaceId={workspaceId} />
      <SlackSettings workspaceId={workspaceId} />
    </section>
  );
}
