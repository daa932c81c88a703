import type { SentryBuildOptions } from '@sentry/nextjs/config';

/**
 * The build's environment (next.config.ts passes process.env). Read: SENTRY_AUTH_TOKEN (set only in
 * CI's deploy job, the one thing that turns source-map upload on), SENTRY_ORG, SENTRY_PROJECT,
 * SENTRY_URL (self-hosted Sentry; sentry.io when unset) and SENTRY_RELEASE (the commit being built).
 */
export type SentryBuildEnv = Readonly<Record<string, string | undefined>>;

/**
 * `withSentryConfig` options. Source maps are made, uploaded to Sentry under the release and then
 * deleted from the output only when SENTRY_AUTH_TOKEN is set; without it the build does nothing
 * on the network: no upload step, no release created, no build telemetry, no source maps made.
 */
export function sentryBuildOptions(env: SentryBuildEnv): SentryBuildOptions {
  const upload = Boolean(env.SENTRY_AUTH_TOKEN);
  return {
    authToken: env.SENTRY_AUTH_TOKEN,
    org: env.SENTRY_ORG,
    project: env.SENTRY_PROJECT,
    ...(env.SENTRY_URL ? { sentryUrl: env.SENTRY_URL } : {}),
    // Sentry's own usage statistics from the build: never.
    telemetry: false,
    silent: !upload,
    sourcemaps: { disable: !upload, deleteSourcemapsAfterUpload: true },
    // Without a token there is no name to give (and no `git rev-parse` for one): the server names
    // the release at run time (SENTRY_RELEASE, see lib/env.ts).
    release: upload ? { name: env.SENTRY_RELEASE, create: true, finalize: true } : { create: false },
    // The upload runs once after the whole build; without a token the step is not there at all.
    useRunAfterProductionCompileHook: upload,
    // No route list in the browser bundle (it is for tracing, which is off) and no tracing headers.
    routeManifestInjection: false,
    bundleSizeOptimizations: { excludeDebugStatements: true },
    // Navigations are not traced (instrumentation-client.ts has no onRouterTransitionStart).
    suppressOnRouterTransitionStartWarning: true,
  };
}
