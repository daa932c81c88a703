import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-error';

/**
 * Shows an api error on the form: each 400 detail on its field (when the form has that field),
 * everything else as the form's root error.
 */
export function applyApiErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): void {
  if (!(error instanceof ApiError)) {
    setError('root', { message: 'Something went wrong. Try again.' });
    return;
  }
  let placed = false;
  for (const detail of error.fieldErrors) {
    const field = fields.find((f) => f === detail.field);
    if (field) {
      setError(field, { type: 'server', message: detail.message });
      placed = true;
    }
  }
  if (!placed) setError('root', { type: 'server', message: error.message });
}
