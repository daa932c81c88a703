'use client';

import { deviceTimeZone } from '@/lib/local-dates';
import { useSession } from './use-session';

/**
 * The zone every local date on the web is computed in (lib/local-dates.ts): the signed-in user's
 * own (`user.timeZone`, set on the profile page), and this device's only until the user is known.
 */
export function useTimeZone(): string {
  const session = useSession();
  return session.status === 'signed-in' ? session.user.timeZone : deviceTimeZone();
}
