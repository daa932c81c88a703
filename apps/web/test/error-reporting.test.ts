import { contentSecurityPolicy } from '@/lib/security-headers';
import { browserErrorReporting } from '@/modules/error-reporting/browser-error-reporting';
import { reportableUrl } from '@/modules/error-reporting/reportable-url';
import { sentryBuildOptions } from '@/modules/error-reporting/sentry-build-options';

// The running web app's reports are proven end to end in e2e/specs/error-reporting.spec.ts; these
// are the decisions around them that the e2e build cannot show (it has no token, one DSN).

describe('source maps go to Sentry only from a build that has SENTRY_AUTH_TOKEN', () => {
  it('without a token: no source maps, no upload step, no release, no telemetry', () => {
    const options = sentryBuildOptions({ SENTRY_RELEASE: 'abc123', SENTRY_ORG: 'teamflow' });
    expect(options).toMatchObject({
      telemetry: false,
      sourcemaps: { disable: true },
      release: { create: false },
      useRunAfterProductionCompileHook: false,
    });
    expect(options.release?.name).toBeUndefined();
  });

  it('with a token: uploads once after the build under the release, then deletes the maps', () => {
    const options = sentryBuildOptions({
      SENTRY_AUTH_TOKEN: 'sntrys_token',
      SENTRY_ORG: 'teamflow',
      SENTRY_PROJECT: 'web',
      SENTRY_RELEASE: 'abc123',
    });
    expect(options).toMatchObject({
      authToken: 'sntrys_token',
      org: 'teamflow',
      project: 'web',
      telemetry: false,
      sourcemaps: { disable: false, deleteSourcemapsAfterUpload: true },
      release: { name: 'abc123', create: true },
      useRunAfterProductionCompileHook: true,
    });
  });
});

describe('what the browser is told about error reporting', () => {
  it('nothing without a DSN', () => {
    expect(
      browserErrorReporting({ SENTRY_RELEASE: 'abc', SENTRY_ENVIRONMENT: 'staging', DEVELOPMENT: false }),
    ).toBeUndefined();
  });

  it('the DSN, release and environment, the build kind standing in for an unset environment', () => {
    expect(
      browserErrorReporting({
        SENTRY_DSN: 'https://key@o1.ingest.sentry.io/9',
        SENTRY_RELEASE: 'abc',
        DEVELOPMENT: false,
      }),
    ).toEqual({ dsn: 'https://key@o1.ingest.sentry.io/9', release: 'abc', environment: 'production' });
  });
});

describe('the CSP lets the browser reach Sentry only when a DSN is configured', () => {
  const connectSrc = (errorReportingDsn?: string) =>
    /connect-src ([^;]*)/.exec(
      contentSecurityPolicy({
        nonce: 'n',
        apiUrl: 'https://api.teamflow.app',
        development: false,
        errorReportingDsn,
      }),
    )?.[1];

  it('adds the DSN origin (no key, no project) to connect-src', () => {
    expect(connectSrc('https://publickey@o42.ingest.sentry.io/9')).toBe(
      "'self' https://api.teamflow.app wss://api.teamflow.app https://o42.ingest.sentry.io",
    );
  });

  it('adds nothing without one', () => {
    expect(connectSrc()).toBe("'self' https://api.teamflow.app wss://api.teamflow.app");
  });
});

describe('URLs as they may be reported', () => {
  it.each([
    ['https://app.teamflow.app/reset-password?token=secret#x', 'https://app.teamflow.app/reset-password'],
    ['https://app.teamflow.app/invite/tok_abc123', 'https://app.teamflow.app/invite/[token]'],
    ['/verify-email?token=secret', '/verify-email'],
    ['/w/0b6f/p/91aa?view=list', '/w/0b6f/p/91aa'],
  ])('%s is reported as %s', (url, reported) => {
    expect(reportableUrl(url)).toBe(reported);
  });
});
