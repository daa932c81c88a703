/**
 * The workspace's areas, in the order the navigation shows them. A new area adds ONE entry here
 * (its page lives at `href`): the navigation shows it, and the command palette offers it
 * (palette-pages.ts reads this list; `keywords` help its fuzzy match).
 */
import type { Permission } from '@teamflow/contracts/permissions';

export interface WorkspaceNavItem {
  id: string;
  label: string;
  /** The area's page in a workspace. */
  href: (workspaceId: string) => string;
  /** Paths under the workspace that belong to the area (the first segment after `/w/:id`). */
  segments: readonly string[];
  /** Shown only to roles with this permission. */
  permission?: Permission;
  /** Other words the command palette matches the area by. */
  keywords?: string[];
}

export const WORKSPACE_NAV: readonly WorkspaceNavItem[] = [
  // The workspace home lists its projects; a project's views (`/p/…`) and tasks (`/t/…`) are part of it.
  {
    id: 'projects',
    label: 'Projects',
    href: (w) => `/w/${w}`,
    segments: ['', 'p', 't'],
    keywords: ['workspace home'],
  },
  {
    id: 'updates',
    label: 'Updates',
    href: (w) => `/w/${w}/updates`,
    segments: ['updates'],
    keywords: ['check-in', 'stand-up', 'standup', 'status', 'daily'],
  },
  {
    id: 'blockers',
    label: 'Blockers',
    href: (w) => `/w/${w}/blockers`,
    segments: ['blockers'],
    keywords: ['blocked', 'stuck', 'escalation'],
  },
  {
    id: 'incidents',
    label: 'Incidents',
    href: (w) => `/w/${w}/incidents`,
    segments: ['incidents'],
    keywords: ['outage', 'sev', 'postmortem', 'on-call'],
  },
  {
    id: 'decisions',
    label: 'Decisions',
    href: (w) => `/w/${w}/decisions`,
    segments: ['decisions'],
    keywords: ['adr', 'decision log', 'madr'],
  },
  {
    id: 'digest',
    label: 'Digest',
    href: (w) => `/w/${w}/digest`,
    segments: ['digest'],
    keywords: ['summary', 'daily digest', 'report'],
  },
  { id: 'search', label: 'Search', href: (w) => `/w/${w}/search`, segments: ['search'], keywords: ['find'] },
  // The work log is the signed-in person's own (private, in no workspace); it is reached from each
  // workspace so it sits next to the work it describes.
  {
    id: 'worklog',
    label: 'Work log',
    href: (w) => `/w/${w}/worklog`,
    segments: ['worklog'],
    keywords: ['journal', 'diary', 'insights', 'review', 'cv', 'mood'],
  },
  {
    id: 'members',
    label: 'Members',
    href: (w) => `/w/${w}/members`,
    segments: ['members'],
    keywords: ['people', 'invite', 'team'],
  },
  {
    id: 'progress',
    label: 'Progress',
    href: (w) => `/w/${w}/progress`,
    segments: ['progress'],
    keywords: ['xp', 'level', 'streak', 'achievements', 'leaderboard', 'quest'],
  },
  {
    id: 'patterns',
    label: 'My patterns',
    href: (w) => `/w/${w}/patterns`,
    segments: ['patterns'],
    keywords: ['how I work', 'insights', 'cycle time', 'estimates'],
  },
  {
    id: 'ai-usage',
    label: 'AI usage',
    href: (w) => `/w/${w}/ai`,
    segments: ['ai'],
    permission: 'ai.usage.read',
    keywords: ['budget', 'tokens'],
  },
  {
    id: 'workspace-settings',
    label: 'Settings',
    href: (w) => `/w/${w}/settings`,
    segments: ['settings'],
    permission: 'workspace.update',
    keywords: ['workspace settings', 'name', 'slug', 'time zone'],
  },
];

/** The area a path under `/w/:workspaceId` belongs to. */
export function currentArea(pathname: string, workspaceId: string): string | undefined {
  const rest = pathname.slice(`/w/${workspaceId}`.length).replace(/^\//, '');
  const segment = rest.split('/')[0] ?? '';
  return WORKSPACE_NAV.find((item) => item.segments.includes(segment))?.id;
}
