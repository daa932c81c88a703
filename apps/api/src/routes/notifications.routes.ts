import type { Router } from 'express';
import { ErrorResponse, TaskParams } from '@teamflow/contracts/common';
import {
  Notification,
  NotificationListQuery,
  NotificationPage,
  NotificationParams,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  ReadAllResult,
  UnreadCount,
  WatchState,
} from '@teamflow/contracts/notifications';
import { countUnreadNotifications } from '@teamflow/core/notifications/count-unread-notifications';
import { getNotificationPreferences } from '@teamflow/core/notifications/get-notification-preferences';
import { getWatchState } from '@teamflow/core/notifications/get-watch-state';
import { listNotifications } from '@teamflow/core/notifications/list-notifications';
import { readAllNotifications } from '@teamflow/core/notifications/read-all-notifications';
import { readNotification } from '@teamflow/core/notifications/read-notification';
import { unwatchTask } from '@teamflow/core/notifications/unwatch-task';
import { updateNotificationPreferences } from '@teamflow/core/notifications/update-notification-preferences';
import { watchTask } from '@teamflow/core/notifications/watch-task';
import type { ApiDeps } from '../deps';
import { allow, USER, type RouteTable } from '../http/route-table';

/** The caller's inbox and preferences (user-scoped: nobody sees another's), and watching tasks. */
export function notificationRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'get',
    path: '/notifications',
    summary: 'Your notifications, newest first (`unread=true` for unread only)',
    tag: 'Notifications',
    access: USER,
    query: NotificationListQuery,
    responses: { 200: NotificationPage, 400: ErrorResponse },
    handler: ({ ctx, query }) => listNotifications(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/notifications/unread-count',
    summary: 'How many of your notifications are unread',
    tag: 'Notifications',
    access: USER,
    responses: { 200: UnreadCount },
    handler: ({ ctx }) => countUnreadNotifications(deps, ctx),
  });
  table.add(router, base, {
    method: 'post',
    path: '/notifications/:notificationId/read',
    summary: 'Mark one of your notifications read',
    tag: 'Notifications',
    access: USER,
    params: NotificationParams,
    responses: { 200: Notification, 404: ErrorResponse },
    handler: ({ ctx, params }) => readNotification(deps, ctx, params.notificationId),
  });
  table.add(router, base, {
    method: 'post',
    path: '/notifications/read-all',
    summary: 'Mark all your notifications read',
    tag: 'Notifications',
    access: USER,
    responses: { 200: ReadAllResult },
    handler: ({ ctx }) => readAllNotifications(deps, ctx),
  });
  table.add(router, base, {
    method: 'get',
    path: '/notifications/preferences',
    summary: 'Which notifications you get in the app and by email, per type',
    tag: 'Notifications',
    access: USER,
    responses: { 200: NotificationPreferences },
    handler: ({ ctx }) => getNotificationPreferences(deps, ctx),
  });
  table.add(router, base, {
    method: 'put',
    path: '/notifications/preferences',
    summary: 'Change your notification preferences (types left out keep theirs)',
    tag: 'Notifications',
    access: USER,
    body: NotificationPreferencesUpdate,
    responses: { 200: NotificationPreferences, 400: ErrorResponse },
    handler: ({ ctx, body }) => updateNotificationPreferences(deps, ctx, body),
  });

  table.add(router, base, {
    method: 'get',
    path: '/tasks/:taskId/watch',
    summary: 'Whether you watch a task',
    tag: 'Notifications',
    access: allow('task.read', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: WatchState, 404: ErrorResponse },
    handler: ({ ctx, params }) => getWatchState(deps, ctx, params.taskId),
  });
  table.add(router, base, {
    method: 'put',
    path: '/tasks/:taskId/watch',
    summary: 'Watch a task: its comments notify you',
    tag: 'Notifications',
    access: allow('task.watch', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: WatchState, 404: ErrorResponse },
    handler: ({ ctx, params }) => watchTask(deps, ctx, params.taskId),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/tasks/:taskId/watch',
    summary: 'Stop watching a task',
    tag: 'Notifications',
    access: allow('task.watch', 'task', 'taskId'),
    params: TaskParams,
    responses: { 200: WatchState, 404: ErrorResponse },
    handler: ({ ctx, params }) => unwatchTask(deps, ctx, params.taskId),
  });
}
