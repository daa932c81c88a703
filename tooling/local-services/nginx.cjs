// Debian's nginx as the load balancer in front of several api instances, on a loopback port, run
// by the current user with a config generated into a temp folder. Round robin, no sticky sessions:
// Socket.io clients must use the WebSocket transport only (`transports: ['websocket']`, as the web
// app does), because a long-polling session lives in the one instance that made its handshake and
// the next poll may land on another. A WebSocket is one connection, pinned for its lifetime.
'use strict';
const { chmodSync, mkdirSync, mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { canConnect, findDaemon, onFreePort, startDaemon } = require('./daemon.cjs');

/** Path of Debian's nginx, or undefined when it is not installed. */
function findNginx() {
  return findDaemon('nginx');
}

/** The nginx.conf for `upstreams` (`host:port` each) behind `host:port`; temp files under `workDir`. */
function nginxConfig({ host, port, upstreams, workDir, runAsRoot }) {
  const temp = (name) => join(workDir, name);
  return [
    'daemon off;',
    // Run by root (CI), the workers drop to nobody, like PgBouncer does.
    ...(runAsRoot ? ['user nobody nogroup;'] : []),
    'worker_processes 1;',
    `pid ${temp('nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    '  client_max_body_size 20m;',
    // An Upgrade request passes `Connection: upgrade` on; any other goes out without a Connection
    // header, so plain requests reuse the keep-alive connections to the instances.
    '  map $http_upgrade $connection_upgrade { default upgrade; "" ""; }',
    '  upstream api {',
    // A refused connection marks an instance down for 2 s; the request goes to the next one.
    ...upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=2s;`),
    '    keepalive 64;',
    '  }',
    '  server {',
    `    listen ${host}:${port};`,
    '    location / {',
    '      proxy_pass http://api;',
    '      proxy_http_version 1.1;',
    '      proxy_set_header Upgrade $http_upgrade;',
    '      proxy_set_header Connection $connection_upgrade;',
    '      proxy_set_header Host $http_host;',
    '      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '      proxy_set_header X-Forwarded-Proto $scheme;',
    // Retried on another instance only when nothing reached this one (refused, reset before
    // sending) or for idempotent methods; a POST that reached a dying instance is the client's to
    // retry with its Idempotency-Key.
    '      proxy_next_upstream error timeout;',
    '      proxy_connect_timeout 2s;',
    // Socket.io pings every 25 s, so an open WebSocket is never idle for this long.
    '      proxy_read_timeout 1h;',
    '      proxy_buffering off;',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Starts nginx in the foreground on `host:port` (a free loopback port by default), balancing
 * round robin over `upstreams` (`"127.0.0.1:4101"`, …) with WebSocket upgrades passed through.
 * Resolves once it accepts connections.
 */
async function startNginx(options) {
  const nginx = options.nginxPath ?? findNginx();
  if (!nginx) throw new Error('nginx is not installed (Debian package nginx)');
  if (!options.upstreams?.length) throw new Error('startNginx needs at least one upstream');
  const host = options.host ?? '127.0.0.1';
  return onFreePort(host, options.port, (port) => startNginxOn(nginx, host, port, options));
}

async function startNginxOn(nginx, host, port, options) {
  const runAsRoot = process.getuid?.() === 0;
  const workDir = mkdtempSync(join(tmpdir(), 'teamflow-nginx-'));
  chmodSync(workDir, 0o755);
  // Written by the workers, which run as nobody when started by root.
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(workDir, dir), { mode: 0o777 });
    chmodSync(join(workDir, dir), 0o777);
  }
  const config = join(workDir, 'nginx.conf');
  writeFileSync(config, nginxConfig({ host, port, upstreams: options.upstreams, workDir, runAsRoot }));
  const daemon = await startDaemon({
    name: 'nginx',
    command: nginx,
    // -p: relative paths and the compiled-in log/pid paths under the temp folder, not /var/log.
    args: ['-p', workDir, '-e', 'stderr', '-c', config],
    workDir,
    timeoutMs: options.timeoutMs ?? 10000,
    pollMs: 100,
    isReady: () => canConnect(host, port),
  });
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    pid: daemon.pid,
    upstreams: [...options.upstreams],
    /** What nginx logged so far (upstream errors, retries), for a failing test's message. */
    log: daemon.log,
    close: daemon.close,
  };
}

module.exports = { startNginx, findNginx };
