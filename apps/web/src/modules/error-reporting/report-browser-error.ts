// An error an error boundary catches (app/global-error.tsx) never reaches window.onerror, so the
// boundary hands it over here. The reporter is set once the SDK has started (after the page, and
// only with a DSN); a few errors from before that wait for it.
const WAITING_AT_MOST = 10;

let reporter: ((error: unknown) => void) | undefined;
const waiting: unknown[] = [];

export function reportBrowserError(error: unknown): void {
  if (reporter) reporter(error);
  else if (waiting.length < WAITING_AT_MOST) waiting.push(error);
}

export function setBrowserErrorReporter(report: (error: unknown) => void): void {
  reporter = report;
  for (const error of waiting.splice(0)) report(error);
}
