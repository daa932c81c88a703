// Starts oidc-issuer.mjs (a local OpenID Connect provider) as a child process and waits until it
// listens. Used by the api's Google sign-in tests.
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');

/**
 * @param {{ clients: object[], host?: string, port?: number, timeoutMs?: number }} options
 *   clients: oidc-provider client metadata (client_id, client_secret, redirect_uris, …)
 */
async function startOidcIssuer(options) {
  try {
    return await startOnce(options);
  } catch (error) {
    // Once in many full runs the child printed nothing for 20 s on the loaded 2-core machine (it
    // starts in ~2 s): a second child, each given 12 s so both fit in a test hook's 30 s. An
    // issuer that exits is not retried.
    if (!error.startTimedOut) throw error;
    return startOnce(options);
  }
}

function startOnce(options) {
  const startedAt = Date.now();
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
  let stdout = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      const error = new Error(
        `the OIDC issuer did not start in ${Date.now() - startedAt} ms (stdout: ${JSON.stringify(stdout)}): ${stderr.trim()}`,
      );
      error.startTimedOut = true;
      reject(error);
    }, options.timeoutMs ?? 12000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OIDC issuer exited (${code}): ${stderr.trim()}`));
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk.toString();
      // Whole lines only: a chunk may end inside the JSON.
      const line = stdout
        .split('\n')
        .slice(0, -1)
        .find((l) => l.startsWith('{'));
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
