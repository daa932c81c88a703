// A real OpenID Connect provider (the `oidc-provider` package) on loopback, standing in for Google
// in the api's tests: discovery, the authorization endpoint with its own login and consent forms
// (devInteractions), PKCE, the token endpoint and RS256 ID tokens signed with a key in its JWKS.
// Run as its own process (the package ships ESM only): `startOidcIssuer` in oidc-issuer.cjs starts
// it. Configuration comes as JSON in OIDC_ISSUER_CONFIG; one line of JSON on stdout says it is up.
//
// The account store is the test's: `POST /test/accounts {sub, email, email_verified, name}` adds
// or replaces one; the login form takes the `sub` as its login. `GET /test/requests` counts the
// requests each path had (a client that checks ID token signatures fetches the JWKS).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_ISSUER_CONFIG ?? '{}');
const host = config.host ?? '127.0.0.1';
const accounts = new Map();
const requests = {};

const server = http.createServer();
await new Promise((resolve) => server.listen(config.port ?? 0, host, resolve));
const issuer = `http://${host}:${server.address().port}`;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: config.clients ?? [],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(16).toString('hex')] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name'],
  },
  // Like Google: the scope's claims ride in the ID token, not only at the userinfo endpoint.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return { accountId: sub, claims: () => ({ ...account, sub }) };
  },
});
// The dev-only warnings would say the same thing on every run.
provider.on('server_error', (_ctx, error) => console.error('oidc-issuer server_error', error));

const providerCallback = provider.callback();
server.on('request', (req, res) => {
  const path = new URL(req.url, issuer).pathname;
  requests[path] = (requests[path] ?? 0) + 1;
  if (req.method === 'GET' && path === '/test/requests') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(requests));
    return;
  }
  if (req.method === 'POST' && req.url === '/test/accounts') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const account = JSON.parse(body);
      accounts.set(account.sub, account);
      res.writeHead(204).end();
    });
    return;
  }
  providerCallback(req, res);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
console.log(JSON.stringify({ issuer }));
