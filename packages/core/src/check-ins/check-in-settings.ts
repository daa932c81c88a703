import type { CheckInSettings } from '@teamflow/contracts/check-ins';
import type { DbOrTx } from '@teamflow/db/client';
import { findCheckInSettings, type CheckInSettingsRow } from './check-ins.repository';

/** What a workspace that never changed its settings gets. */
export const DEFAULT_CHECK_IN_SETTINGS: CheckInSettings = {
  days: [1, 2, 3, 4, 5],
  reminderTime: '09:30',
  digestTime: '17:00',
  blockerEscalationHours: 4,
  digestAi: true,
};

export function toCheckInSettings(row: CheckInSettingsRow | null | undefined): CheckInSettings {
  if (!row) return DEFAULT_CHECK_IN_SETTINGS;
  return {
    days: [...row.days].sort((a, b) => a - b),
    reminderTime: row.reminderTime,
    digestTime: row.digestTime,
    blockerEscalationHours: row.blockerEscalationHours,
    digestAi: row.digestAi,
  };
}

export async function settingsOf(db: DbOrTx, workspaceId: string): Promise<CheckInSettings> {
  return toCheckInSettings(await findCheckInSettings(db, workspaceId));
}
