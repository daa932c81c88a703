import { isApiError } from '@/lib/api-error';
import { Button } from '@/modules/ui/components/button';

/** What went wrong with an AI request, with a retry; over budget also offers the local model. */
export function AiError({
  error,
  onRetry,
  onUseLocal,
}: {
  error: { code?: string; message: string };
  onRetry: () => void;
  onUseLocal: () => void;
}) {
  const overBudget = error.code === 'AI_BUDGET_EXCEEDED';
  return (
    <div
      role="alert"
      className="flex flex-col gap-2 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200"
    >
      <p>{error.message}</p>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
        {overBudget ? (
          <Button variant="secondary" onClick={onUseLocal}>
            Use the local model
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** The code and message of a failed start (an ApiError) or a failed job. */
export function describeAiError(error: unknown): { code?: string; message: string } {
  if (isApiError(error)) return { code: error.code, message: error.message };
  return { message: error instanceof Error ? error.message : 'Something went wrong' };
}
