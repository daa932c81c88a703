export interface OidcTestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface LocalOidcIssuer {
  /** The issuer identifier (`http://127.0.0.1:<port>`): GOOGLE_ISSUER for the api. */
  issuer: string;
  addAccount(account: OidcTestAccount): Promise<void>;
  /** Requests per path so far (e.g. `/jwks`, fetched by a client that checks signatures). */
  requestCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export function startOidcIssuer(options: {
  clients: Record<string, unknown>[];
  host?: string;
  port?: number;
  timeoutMs?: number;
}): Promise<LocalOidcIssuer>;
