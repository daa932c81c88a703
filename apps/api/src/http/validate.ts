import type { z } from 'zod';
import { invalid } from '@teamflow/core/platform/errors';

/** Parses one part of a request with its contract schema; failures list every field. Unknown keys are dropped. */
export function parseInput<T extends z.ZodType | undefined>(
  part: 'params' | 'query' | 'body',
  schema: T,
  value: unknown,
) {
  if (!schema) return undefined as T extends z.ZodType ? z.infer<T> : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => ({
        field: issue.path.length ? issue.path.join('.') : part,
        message: issue.message,
      })),
    );
  }
  return parsed.data as T extends z.ZodType ? z.infer<T> : undefined;
}
