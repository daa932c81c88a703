import type {
  NotificationPreferences,
  NotificationPreferencesUpdate,
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
    input.items.map((i) => ({ userId: ctx.actor.id, ...i })),
  );
  return getNotificationPreferences(deps, ctx);
}
