import type { Permission } from '@teamflow/contracts/permissions';
import { WORKSPACE_NAV } from './workspace-nav-items';

/**
 * Every page the command palette can go to (fuzzy-matched on the title and keywords, remembered
 * among recent items). A workspace area is added to WORKSPACE_NAV (workspace-nav-items.ts), which
 * this list includes; project views and account pages are listed here.
 *
 * `scope` says what the page needs: `project` pages are offered while a project is open,
 * `workspace` pages inside a workspace, `account` pages everywhere. `permission` hides a page
 * from roles that may not use it (the contracts' permission table).
 */
export interface PalettePage {
  /** Stable: recent items are remembered by it. */
  id: string;
  title: string;
  keywords?: string[];
  scope: 'project' | 'workspace' | 'account';
  permission?: Permission;
  path: (at: { workspaceId: string; projectId: string }) => string;
}

export const PALETTE_PAGES: readonly PalettePage[] = [
  {
    id: 'board',
    title: 'Board',
    keywords: ['kanban', 'columns'],
    scope: 'project',
    path: ({ workspaceId, projectId }) => `/w/${workspaceId}/p/${projectId}`,
  },
  {
    id: 'list',
    title: 'List',
    keywords: ['table', 'rows'],
    scope: 'project',
    path: ({ workspaceId, projectId }) => `/w/${workspaceId}/p/${projectId}/list`,
  },
  {
    id: 'calendar',
    title: 'Calendar',
    keywords: ['due dates', 'month', 'agenda'],
    scope: 'project',
    path: ({ workspaceId, projectId }) => `/w/${workspaceId}/p/${projectId}/calendar`,
  },
  {
    id: 'sprints',
    title: 'Sprints',
    keywords: ['burndown', 'velocity', 'planning'],
    scope: 'project',
    path: ({ workspaceId, projectId }) => `/w/${workspaceId}/p/${projectId}/sprints`,
  },
  {
    id: 'templates',
    title: 'Task templates',
    keywords: ['template', 'project settings', 'placeholders'],
    scope: 'project',
    path: ({ workspaceId, projectId }) => `/w/${workspaceId}/p/${projectId}/templates`,
  },
  // The workspace's areas come from the navigation's list: one entry per area, in one place.
  ...WORKSPACE_NAV.map((item): PalettePage => ({
    id: item.id,
    title: item.label,
    keywords: item.keywords,
    scope: 'workspace',
    permission: item.permission,
    path: ({ workspaceId }) => item.href(workspaceId),
  })),
  {
    id: 'workspaces',
    title: 'Workspaces',
    keywords: ['switch'],
    scope: 'account',
    path: () => '/workspaces',
  },
  {
    id: 'profile',
    title: 'Profile',
    keywords: ['account', 'password', 'time zone', 'name'],
    scope: 'account',
    path: () => '/profile',
  },
  {
    id: 'inbox',
    title: 'Notifications',
    keywords: ['inbox'],
    scope: 'account',
    path: () => '/notifications',
  },
  {
    id: 'notification-preferences',
    title: 'Notification preferences',
    keywords: ['email', 'settings'],
    scope: 'account',
    path: () => '/profile/notifications',
  },
];
