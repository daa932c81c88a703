import { z } from 'zod';

export const Liveness = z.object({ status: z.literal('ok') });
export const CheckState = z.enum(['up', 'down', 'not_configured']);
export const Readiness = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.object({ database: CheckState, redis: CheckState, storage: CheckState }),
});
export type Readiness = z.infer<typeof Readiness>;
