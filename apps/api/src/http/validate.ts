import type { z } from 'zod';
import { UNSTORABLE_TEXT, UNSTORABLE_TEXT_MESSAGE, type FieldError } from '@teamflow/contracts/common';
import { invalid } from '@teamflow/core/platform/errors';

/**
 * Where the parsed input holds text the database would refuse (a key or a value): one field error
 * each, so a NUL is a 400 naming its field, not a data exception from deep inside a write.
 */
function unstorableText(part: string, value: unknown): FieldError[] {
  const found: FieldError[] = [];
  const pending: [unknown, string[]][] = [[value, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    const field = path.length ? path.join('.') : part;
    if (typeof item === 'string') {
      if (UNSTORABLE_TEXT.test(item)) found.push({ field, message: UNSTORABLE_TEXT_MESSAGE });
    } else if (Array.isArray(item)) {
      item.forEach((child, i) => pending.push([child, [...path, String(i)]]));
    } else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (UNSTORABLE_TEXT.test(key)) found.push({ field, message: UNSTORABLE_TEXT_MESSAGE });
        else pending.push([child, [...path, key]]);
      }
    }
  }
  return found;
}

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
  const unstorable = unstorableText(part, parsed.data);
  if (unstorable.length) throw invalid(unstorable);
  return parsed.data as T extends z.ZodType ? z.infer<T> : undefined;
}
