// A Redis Cluster on loopback, made of Debian's redis-server (7.0: sharded Pub/Sub, which the
// Socket.io sharded adapter needs): primaries with a replica each, so a primary can be killed and
// the cluster fails over to its replica. No persistence; every node's folder is removed on close.
// Used by the cluster suites (api and worker) and the topology script (`npm run topology`).
'use strict';
const { execFile, spawn } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const net = require('node:net');
const { tmpdir } = require('node:os');
const { delimiter, join } = require('node:path');
const { promisify } = require('node:util');

const run = promisify(execFile);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Path of a Redis binary (`/usr/bin` first, then PATH), or undefined when it is not installed. */
function findRedisBinary(name) {
  for (const dir of ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(delimiter)]) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function listen(host, port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, host, () => {
      const chosen = server.address().port;
      server.close(() => resolve(chosen));
    });
  });
}

/** A free port whose cluster bus port (port + 10000) is free too. */
async function freeNodePort(host, taken) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = await listen(host, 0);
    if (!port || port + 10000 > 65535 || taken.has(port) || taken.has(port + 10000)) continue;
    if ((await listen(host, port + 10000)) === port + 10000) return port;
  }
  throw new Error('no free port pair (port, port + 10000) for a Redis Cluster node');
}

/** Parses `CLUSTER NODES`: one row per node with its role, health and slot ranges. */
function parseClusterNodes(text) {
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, address, flags, primaryId, , , , link, ...slots] = line.trim().split(' ');
      const [hostPort] = address.split('@');
      const at = hostPort.lastIndexOf(':');
      return {
        id,
        host: hostPort.slice(0, at),
        port: Number(hostPort.slice(at + 1)),
        flags: flags.split(','),
        primaryId: primaryId === '-' ? undefined : primaryId,
        connected: link === 'connected',
        slots: slots
          .filter((s) => !s.startsWith('['))
          .map((s) => {
            const [from, to] = s.split('-').map(Number);
            return [from, to ?? from];
          }),
      };
    });
}

/**
 * Starts `primaries` redis-server processes in cluster mode, each with `replicasPerPrimary`
 * replicas, on free loopback ports, joined with `redis-cli --cluster create`. Resolves once every
 * node says `cluster_state:ok` and every replica is in sync with its primary.
 *
 * `nodeTimeoutMs` (cluster-node-timeout, 500 ms by default) is how long a silent primary takes to be
 * declared failed, so a failover completes in about one to two seconds. Replicas may always take
 * over (`cluster-replica-validity-factor 0`), and the slots of healthy primaries keep serving
 * while another fails over (`cluster-require-full-coverage no`).
 */
async function startRedisCluster(options = {}) {
  const server = options.redisServerPath ?? findRedisBinary('redis-server');
  const cli = options.redisCliPath ?? findRedisBinary('redis-cli');
  if (!server || !cli)
    throw new Error('redis-server and redis-cli are not installed (Debian package redis-server)');
  const host = options.host ?? '127.0.0.1';
  const primaries = options.primaries ?? 3;
  const replicasPerPrimary = options.replicasPerPrimary ?? 1;
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 30000;
  const workDir = mkdtempSync(join(tmpdir(), 'teamflow-redis-cluster-'));
  const nodes = [];
  const cliAt = (port, ...args) => run(cli, ['-h', host, '-p', String(port), ...args], { timeout: 5000 });

  async function close() {
    await Promise.all(
      nodes.map(async (node) => {
        if (node.child.exitCode !== null || node.child.signalCode !== null) return;
        node.child.kill('SIGTERM');
        await Promise.race([node.exited, new Promise((r) => setTimeout(r, 5000).unref())]);
        if (node.child.exitCode === null && node.child.signalCode === null) node.child.kill('SIGKILL');
      }),
    );
    rmSync(workDir, { recursive: true, force: true });
  }

  async function waitFor(what, check) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const dead = nodes.find((n) => n.expectedUp && n.child.exitCode !== null);
      if (dead)
        throw new Error(`redis-server on port ${dead.port} exited (${dead.child.exitCode}): ${dead.log()}`);
      if (await check().catch(() => false)) return;
      if (Date.now() > until) throw new Error(`Redis Cluster: ${what} did not happen within ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  try {
    const taken = new Set();
    for (let i = 0; i < primaries * (1 + replicasPerPrimary); i++) {
      const port = await freeNodePort(host, taken);
      taken.add(port).add(port + 10000);
      const dir = join(workDir, String(port));
      mkdirSync(dir);
      // prettier-ignore
      const child = spawn(server, [
        '--port', String(port), '--bind', host, '--dir', dir, '--daemonize', 'no',
        '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf',
        '--cluster-node-timeout', String(nodeTimeoutMs),
        '--cluster-replica-validity-factor', '0', '--cluster-require-full-coverage', 'no',
        '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--logfile', '',
      ], { stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      const keep = (chunk) => (log = (log + chunk.toString()).slice(-4000));
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      nodes.push({
        host,
        port,
        child,
        expectedUp: true,
        exited: new Promise((resolve) => child.once('exit', resolve)),
        log: () => log.trim(),
      });
    }
    await waitFor('every node answering PING', async () => {
      const answers = await Promise.all(nodes.map((n) => cliAt(n.port, 'PING')));
      return answers.every((a) => a.stdout.trim() === 'PONG');
    });
    await run(
      cli,
      [
        '--cluster',
        'create',
        ...nodes.map((n) => `${host}:${n.port}`),
        '--cluster-replicas',
        String(replicasPerPrimary),
        '--cluster-yes',
      ],
      { timeout: timeoutMs },
    );
    await waitFor('cluster_state:ok on every node, replicas in sync', async () => {
      for (const node of nodes) {
        const { stdout: info } = await cliAt(node.port, 'CLUSTER', 'INFO');
        if (!info.includes('cluster_state:ok')) return false;
        const { stdout: replication } = await cliAt(node.port, 'INFO', 'replication');
        if (replication.includes('role:slave') && !replication.includes('master_link_status:up'))
          return false;
      }
      const table = parseClusterNodes((await cliAt(nodes[0].port, 'CLUSTER', 'NODES')).stdout);
      return table.filter((n) => n.flags.includes('slave')).length === primaries * replicasPerPrimary;
    });
  } catch (error) {
    await close();
    throw error;
  }

  const live = () => nodes.filter((n) => n.expectedUp);
  /** The cluster's view from a node still running. */
  async function clusterTable() {
    const { stdout } = await cliAt(live()[0].port, 'CLUSTER', 'NODES');
    return parseClusterNodes(stdout);
  }
  async function primaryFor(slot) {
    const table = await clusterTable();
    return table.find(
      (n) =>
        n.flags.includes('master') &&
        !n.flags.includes('fail') &&
        n.slots.some(([a, b]) => slot >= a && slot <= b),
    );
  }
  const seeds = nodes.map((n) => `${host}:${n.port}`);

  return {
    host,
    /** host:port of every node, primaries and replicas: the seeds a client starts from. */
    seeds,
    ports: nodes.map((n) => n.port),
    env: { REDIS_CLUSTER_NODES: seeds.join(',') },
    /** The hash slot of a full key (its `{hash tag}` when it has one), as the cluster computes it. */
    async keySlot(key) {
      return Number((await cliAt(live()[0].port, 'CLUSTER', 'KEYSLOT', key)).stdout.trim());
    },
    /** The primaries now serving slots (host, port, node id). */
    async primaries() {
      const table = await clusterTable();
      return table
        .filter((n) => n.flags.includes('master') && !n.flags.includes('fail') && n.slots.length > 0)
        .map(({ id, host: h, port }) => ({ id, host: h, port }));
    },
    /**
     * Kills (SIGKILL, as a crash) the primary serving `key`'s slot (the first primary when no key
     * is given) and resolves once one of its replicas has taken the slot over and the surviving
     * nodes say `cluster_state:ok`. Returns the killed and the promoted node, and how long the
     * failover took.
     */
    async killPrimary(killOptions = {}) {
      const slot = killOptions.key === undefined ? 0 : await this.keySlot(killOptions.key);
      const victim = await primaryFor(slot);
      if (!victim) throw new Error(`no live primary serves slot ${slot}`);
      const node = nodes.find((n) => n.port === victim.port);
      node.expectedUp = false;
      const started = Date.now();
      node.child.kill('SIGKILL');
      await node.exited;
      let promoted;
      await waitFor(`a replica taking over slot ${slot} from port ${victim.port}`, async () => {
        promoted = await primaryFor(slot);
        if (!promoted || promoted.id === victim.id) return false;
        const states = await Promise.all(live().map((n) => cliAt(n.port, 'CLUSTER', 'INFO')));
        return states.every((s) => s.stdout.includes('cluster_state:ok'));
      });
      return {
        killed: { host: victim.host, port: victim.port },
        promoted: { host: promoted.host, port: promoted.port },
        failoverMs: Date.now() - started,
      };
    },
    close,
  };
}

module.exports = { startRedisCluster, findRedisBinary };
