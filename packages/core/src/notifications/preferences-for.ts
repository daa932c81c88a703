import { defaultPreference, type NotificationType } from '@teamflow/contracts/notifications';
import type { CoreDeps } from '../platform/context';
import { listPreferences } from './notifications.repository';

/** Each user's setting for one type; a type the user never changed has its defaults. */
export async function preferencesFor(
  db: CoreDeps['db'],
  userIds: string[],
  type: NotificationType,
): Promise<Map<string, { inApp: boolean; email: boolean }>> {
  const rows = (await listPreferences(db, userIds)).filter((r) => r.type === type);
  const out = new Map(userIds.map((id) => [id, defaultPreference(type)]));
  for (const r of rows) out.set(r.userId, { inApp: r.inApp, email: r.email });
  return out;
}
