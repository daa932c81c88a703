import { Task } from '@teamflow/contracts/tasks';
import { z } from 'zod';
import { isApiError } from '@/lib/api-error';

const ConflictDetails = z.object({ current: Task });

/** The server's current task from a 409 on a versioned write, or undefined for any other error. */
export function currentTaskFromConflict(error: unknown): Task | undefined {
  if (!isApiError(error, 409)) return undefined;
  const parsed = ConflictDetails.safeParse(error.details);
  return parsed.success ? parsed.data.current : undefined;
}
