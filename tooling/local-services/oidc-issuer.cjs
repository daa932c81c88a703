// Starts oidc-issuer.mjs (a local OpenID Connect provider) as a child process and waits until it
// listens. Used by the api's Google sign-in tests.
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');

/**
 * @param {{ clients: object[], host?: string, port?: number, timeoutMs?: number }} options
 *   clients: oidc-provider client metadata (client_id, client_secret, redirect_uris, …)
 */
function startOidcIssuer(options) {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-issuer.mjs')], {
    env: {
      ...process.env,
      OIDC_ISSUER_CONFIG: JSON.stringify({
        clients: options.clients,
        host: options.host,
        port: options.port,
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the OIDC issuer did not start: ${stderr.trim()}`));
    }, options.timeoutMs ?? 20000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OIDC issuer exited (${code}): ${stderr.trim()}`));
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const { issuer } = JSON.parse(line);
      resolve({
        issuer,
        /** Adds or replaces an account the login form accepts (its `sub` is the login). */
        async addAccount(account) {
          const res = await fetch(`${issuer}/test/accounts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(account),
          });
          if (res.status !== 204) throw new Error(`adding the account failed: ${res.status}`);
        },
        /** How many requests each path of the issuer has had. */
        async requestCounts() {
          const res = await fetch(`${issuer}/test/requests`);
          return res.json();
        },
        async close() {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
          if (child.exitCode === null) child.kill('SIGKILL');
        },
      });
    });
  });
}

module.exports = { startOidcIssuer };
