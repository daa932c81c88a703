import {
  NotificationType,
  type NotificationPreference,
  type NotificationPreferences,
} from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { listPreferences, type PreferenceRow } from './notifications.repository';
import { DEFAULT_PREFERENCE } from './preferences-for';

function complete(rows: PreferenceRow[]): NotificationPreference[] {
  return NotificationType.options.map((type) => {
    const row = rows.find((r) => r.type === type);
    return {
      type,
      inApp: row?.inApp ?? DEFAULT_PREFERENCE.inApp,
      email: row?.email ?? DEFAULT_PREFERENCE.email,
    };
  });
}

export async function getNotificationPreferences(deps: CoreDeps, ctx: Ctx): Promise<NotificationPreferences> {
  return { items: complete(await listPreferences(deps.db, [ctx.actor.id])) };
}
