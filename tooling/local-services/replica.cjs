// A PostgreSQL primary and a streaming read replica of it, on loopback, for the read-replica suites
// and the topology. The machine's own server does not allow replication connections, so this
// makes a primary of its own (initdb in a temp folder, wal_level=replica, replication trusted from
// 127.0.0.1) and the replica with `pg_basebackup -R`, each on a free port; close() stops both and
// removes the folder.
'use strict';
const { execFile } = require('node:child_process');
const {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  appendFileSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const { tmpdir, userInfo } = require('node:os');
const { join } = require('node:path');
const { promisify } = require('node:util');
const { freePort } = require('./daemon.cjs');

const run = promisify(execFile);

/** The newest Debian PostgreSQL's binaries folder, or undefined when none is installed. */
function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Starts a primary and its streaming replica. PostgreSQL refuses to run as root, so run by root
 * (CI) the clusters belong to and run as the `postgres` account. Both trust every loopback
 * connection, as the machine's test server does, for the user `user` (the caller's by default).
 */
async function startReplica(options = {}) {
  const bin = options.binDir ?? findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries are not installed (Debian package postgresql)');
  const host = '127.0.0.1';
  const user = options.user ?? process.env.PGUSER ?? userInfo().username;
  const primaryPort = options.primaryPort ?? (await freePort(host));
  const replicaPort = options.replicaPort ?? (await freePort(host));
  const workDir = mkdtempSync(join(tmpdir(), 'teamflow-replica-'));
  const primaryDir = join(workDir, 'primary');
  const replicaDir = join(workDir, 'replica');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresAccount() : undefined;
  if (owner) chownSync(workDir, owner.uid, owner.gid);
  const pg = (tool, args) =>
    run(join(bin, tool), args, { uid: owner?.uid, gid: owner?.gid, cwd: workDir, timeout: 60000 });
  const ctl = (dir, action, extra = []) =>
    pg('pg_ctl', [
      '-D',
      dir,
      '-l',
      join(workDir, `${dir === primaryDir ? 'primary' : 'replica'}.log`),
      '-w',
      action,
      ...extra,
    ]);

  const started = [];
  try {
    await pg('initdb', [
      '-D',
      primaryDir,
      '-U',
      user,
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    appendFileSync(
      join(primaryDir, 'postgresql.conf'),
      [
        '',
        `listen_addresses = '${host}'`,
        `port = ${primaryPort}`,
        // Sockets in our own folder: the packaged /var/run/postgresql may not be ours to write.
        `unix_socket_directories = '${workDir}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        // A throwaway cluster: durability across a machine crash buys nothing here.
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(primaryDir, 'pg_hba.conf'),
      [
        'local all all trust',
        `host all all ${host}/32 trust`,
        `host replication all ${host}/32 trust`,
        '',
      ].join('\n'),
    );
    await ctl(primaryDir, 'start');
    started.push(primaryDir);
    // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
    await pg('pg_basebackup', [
      '-h',
      host,
      '-p',
      String(primaryPort),
      '-U',
      user,
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    appendFileSync(join(replicaDir, 'postgresql.auto.conf'), `port = ${replicaPort}\n`);
    await ctl(replicaDir, 'start');
    started.push(replicaDir);
  } catch (error) {
    for (const dir of started.reverse()) await ctl(dir, 'stop', ['-m', 'immediate']).catch(() => undefined);
    rmSync(workDir, { recursive: true, force: true });
    throw new Error(`could not start the primary and replica: ${error.stderr || error.message}`);
  }

  const urlOn = (port) => (database) =>
    `postgres://${encodeURIComponent(user)}@${host}:${port}/${encodeURIComponent(database)}`;
  let closed = false;
  return {
    host,
    primaryPort,
    replicaPort,
    /** A database on the primary (writes go here). */
    primaryUrl: urlOn(primaryPort),
    /** The same database on the replica (read-only, a moment behind). */
    replicaUrl: urlOn(replicaPort),
    /** Stops the replica at once, as a crash would (its connections drop). */
    stopReplica: () => ctl(replicaDir, 'stop', ['-m', 'immediate']).then(() => undefined),
    /** Starts the stopped replica again; it catches up from the primary. */
    restartReplica: () => ctl(replicaDir, 'start').then(() => undefined),
    async close() {
      if (closed) return;
      closed = true;
      await ctl(replicaDir, 'stop', ['-m', 'immediate']).catch(() => undefined);
      await ctl(primaryDir, 'stop', ['-m', 'fast']).catch(() => undefined);
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** uid and gid of the `postgres` account Debian's packages create. */
async function postgresAccount() {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]).catch(
    () => {
      throw new Error('PostgreSQL will not run as root and there is no postgres account to run it as');
    },
  );
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

module.exports = { startReplica, findPostgresBin };
