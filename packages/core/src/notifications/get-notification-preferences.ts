import {
  defaultPreference,
  NotificationType,
  type NotificationPreference,
  type NotificationPreferences,
} from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { listPreferences, type PreferenceRow } from './notifications.repository';

function complete(rows: PreferenceRow[]): NotificationPreference[] {
  return NotificationType.options.map((type) => {
    const row = rows.find((r) => r.type === type);
    return { type, ...defaultPreference(type), ...(row && { inApp: row.inApp, email: row.email }) };
  });
}

export async function getNotificationPreferences(deps: CoreDeps, ctx: Ctx): Promise<NotificationPreferences> {
  return { items: complete(await listPreferences(deps.db, [ctx.actor.id])) };
}
