import { z } from 'zod';
import { queryInt, Timestamp } from './common';

/** A message the email job kept in the dev outbox (no SMTP_URL set). */
export const DevMail = z.object({
  id: z.uuid(),
  jobId: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  template: z.string(),
  createdAt: Timestamp,
});
export type DevMail = z.infer<typeof DevMail>;

export const DevMailQuery = z.object({ limit: queryInt(1, 200).default(50) });
export type DevMailQuery = z.infer<typeof DevMailQuery>;

export const DevMailList = z.object({ items: z.array(DevMail) });
export type DevMailList = z.infer<typeof DevMailList>;
