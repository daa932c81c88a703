import {
  NotificationType,
  type NotificationPreference,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { listPreferences, upsertPreferences, type PreferenceRow } from './notifications.repository';

const DEFAULT = { inApp: true, email: true };

/** Each user's setting for one type; a type the user never changed has the defaults (both on). */
export async function preferencesFor(
  db: CoreDeps['db'],
  userIds: string[],
  type: NotificationType,
): Promise<Map<string, { inApp: boolean; email: boolean }>> {
  const rows = (await listPreferences(db, userIds)).filter((r) => r.type === type);
  const out = new Map(userIds.map((id) => [id, { ...DEFAULT }]));
  for (const r of rows) out.set(r.userId, { inApp: r.inApp, email: r.email });
  return out;
}

function complete(rows: PreferenceRow[]): NotificationPreference[] {
  return NotificationType.options.map((type) => {
    const row = rows.find((r) => r.type === type);
    return { type, inApp: row?.inApp ?? DEFAULT.inApp, email: row?.email ?? DEFAULT.email };
  });
}

export async function getPreferences(deps: CoreDeps, ctx: Ctx): Promise<NotificationPreferences> {
  return { items: complete(await listPreferences(deps.db, [ctx.actor.id])) };
}

export async function updatePreferences(
  deps: CoreDeps,
  ctx: Ctx,
  input: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  await upsertPreferences(
    deps.db,
    input.items.map((i) => ({ userId: ctx.actor.id, ...i })),
  );
  return getPreferences(deps, ctx);
}
