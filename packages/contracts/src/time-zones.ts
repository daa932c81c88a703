import { z } from 'zod';

/**
 * An IANA time zone name (`Europe/Berlin`, `America/Los_Angeles`, `UTC`) that this runtime's
 * Intl knows. Offsets such as `+01:00` are refused: they do not follow daylight saving time.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, { message: 'Unknown time zone: use an IANA name such as Europe/Berlin' });
export type TimeZone = z.infer<typeof TimeZone>;
