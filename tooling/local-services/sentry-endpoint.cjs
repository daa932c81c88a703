// A local server speaking Sentry's ingestion protocol, for the tests that prove each process
// reports: the SDKs POST envelopes to /api/<project>/envelope/ (gzip from Node, plain text from a
// browser, which also asks cross-origin). It keeps every envelope and answers as Sentry does.
'use strict';
const { createServer } = require('node:http');
const { gunzipSync } = require('node:zlib');

/** The events in an envelope: newline-separated JSON, a header line then (item header, payload) pairs. */
function eventsOf(envelope) {
  const lines = envelope.split('\n').filter(Boolean);
  const events = [];
  for (let i = 1; i < lines.length - 1; i++) {
    let header;
    try {
      header = JSON.parse(lines[i]);
    } catch {
      continue;
    }
    if (header && header.type === 'event') events.push(JSON.parse(lines[i + 1]));
  }
  return events;
}

/** @param {{ host?: string, port?: number }} [options] */
async function startSentryEndpoint(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const envelopes = [];
  const server = createServer((req, res) => {
    // Browsers send envelopes from the page's origin.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST' });
      res.end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      envelopes.push(
        req.headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString() : body.toString(),
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, host, resolve));
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    dsn: (project = 1) => `http://publickey@${host}:${server.address().port}/${project}`,
    envelopes: () => [...envelopes],
    events: () => envelopes.flatMap(eventsOf),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

module.exports = { startSentryEndpoint };
