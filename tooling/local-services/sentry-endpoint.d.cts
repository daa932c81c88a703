/** The parts of a Sentry event the tests look at; the rest is there as received. */
export interface SentryEvent {
  event_id?: string;
  release?: string;
  environment?: string;
  platform?: string;
  tags?: Record<string, string>;
  extra?: Record<string, unknown>;
  contexts?: Record<string, Record<string, unknown>>;
  request?: { url?: string; headers?: Record<string, string> };
  exception?: { values: { type?: string; value: string }[] };
  [key: string]: unknown;
}

export interface LocalSentryEndpoint {
  /** `http://127.0.0.1:<port>`: where the SDKs send, and what a CSP's connect-src must allow. */
  origin: string;
  /** A DSN for a project on this endpoint: SENTRY_DSN for the process under test. */
  dsn(project?: number): string;
  /** Every envelope received so far, decompressed, as text (to check that a secret is absent). */
  envelopes(): string[];
  /** The events in every envelope received so far. */
  events(): SentryEvent[];
  close(): Promise<void>;
}

export function startSentryEndpoint(options?: { host?: string; port?: number }): Promise<LocalSentryEndpoint>;
