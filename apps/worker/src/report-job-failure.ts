import type { ErrorReporter } from '@teamflow/core/platform/error-reporter';
import type { JobFailure } from './runtime';

/**
 * A job that failed for good, as a Sentry event: queue, job name and attempt as tags (so failures
 * of one job kind group and filter together), the job id and attempts allowed as detail. The
 * payload is never sent: it can hold email addresses, tokens or a user's text.
 */
export function reportJobFailure(reporter: ErrorReporter, failure: JobFailure): void {
  reporter.report(
    failure.error,
    { jobId: failure.jobId, attempts: failure.attempts },
    { queue: failure.queue, job: failure.job, attempt: String(failure.attempt) },
  );
}
