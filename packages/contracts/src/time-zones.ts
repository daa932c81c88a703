import { z } from 'zod';

/**
 * Names Intl (ICU) takes that are not in the IANA database PostgreSQL reads (`at time zone`):
 * Java's legacy three-letter ids, which PostgreSQL refuses (BET, CTT…) or reads as fixed-offset
 * abbreviations meaning something else (PST is UTC−8 all year, IST is Israel's), and links the
 * IANA database has dropped. One stored user's zone PostgreSQL refuses fails a query over all users.
 */
const JAVA_IDS =
  'ACT AET AGT ART AST BET BST CAT CNT CST CTT EAT ECT IET IST JST MIT NET NST PLT PNT PRT PST SST VST';
const NOT_IANA = new Set([...JAVA_IDS.split(' '), 'US/PACIFIC-NEW', 'CANADA/EAST-SASKATCHEWAN']);

/**
 * An IANA time zone name (`Europe/Berlin`, `America/Los_Angeles`, `UTC`) that this runtime's
 * Intl knows. Offsets such as `+01:00` are refused: they do not follow daylight saving time.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  if (NOT_IANA.has(name.toUpperCase())) return false;
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
