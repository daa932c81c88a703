import {
  EMAIL_ONLY_TYPES,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { getNotificationPreferences } from './get-notification-preferences';
import { upsertPreferences } from './notifications.repository';

export async function updateNotificationPreferences(
  deps: CoreDeps,
  ctx: Ctx,
  input: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  await upsertPreferences(
    deps.db,
    // An email-only type has nothing in the inbox to switch on.
    input.items.map((i) => ({
      userId: ctx.actor.id,
      ...i,
      inApp: i.inApp && !EMAIL_ONLY_TYPES.includes(i.type),
    })),
  );
  return getNotificationPreferences(deps, ctx);
}
