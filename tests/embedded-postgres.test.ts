import { spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { explainFailure, postgresInstallation, startEmbeddedPostgres } from '../src/db/embedded';
import { postgresUser, RELOCATED_DATA_ROOT, SHARED_ROOT } from '../src/db/embedded-files';
import { StartupError } from '../src/ops/startup-error';
import { freePort, withClient } from './support/ops-postgres';

/**
 * The embedded PostgreSQL of `npm start` and `npm test` without DATABASE_URL. As root (containers, CI) the server runs
 * as the user postgres, which cannot reach a checkout in a private folder (a clone under /root or in `mktemp -d`):
 * it must start all the same. What keeps it from starting is one line naming the cause and the fix.
 */

jest.setTimeout(120_000);

const asRoot = process.getuid?.() === 0;
/** only root can show it: as anyone else the server runs as that user, who reaches their own folders */
const rootOnly = asRoot ? it : it.skip;
const rootOnlyTitle = (title: string) =>
  asRoot ? title : `${title} (skipped: this run is not root, so PostgreSQL runs as the current user)`;

/** A folder only its owner may enter (mode 0700), like a checkout under /root or in `mktemp -d`. */
function privateFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hvp-private-'));
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  return dir;
}

async function holdPort(port: number): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

const singleLine = (message: string) => expect(message).not.toMatch(/\n/);

describe('as root, from a private folder', () => {
  rootOnly(rootOnlyTitle('runs the binaries from a root-owned cache that every user can read'), () => {
    const installation = postgresInstallation();
    expect(path.dirname(installation)).toBe(SHARED_ROOT);
    for (const dir of [installation, path.join(installation, 'bin'), path.join(installation, 'lib')]) {
      const stat = lstatSync(dir);
      expect({ owner: stat.uid, mode: stat.mode & 0o777 }).toEqual({ owner: 0, mode: 0o755 });
    }
    expect(statSync(path.join(installation, 'bin', 'postgres')).mode & 0o777).toBe(0o755);
  });

  rootOnly(
    rootOnlyTitle('keeps the data in a folder of the user postgres, linked from the checkout, and starts afresh once the link is gone'),
    async () => {
      const checkout = privateFolder();
      const folder = path.join(checkout, '.data', 'postgres');
      const port = await freePort();
      let relocated = '';
      try {
        let server = await startEmbeddedPostgres(folder, port);
        relocated = server.dataDir;
        expect(lstatSync(folder).isSymbolicLink()).toBe(true);
        expect(readlinkSync(folder)).toBe(relocated);
        expect(path.dirname(relocated)).toBe(RELOCATED_DATA_ROOT);
        const postgres = postgresUser();
        expect(statSync(relocated)).toMatchObject({ uid: postgres.uid });
        await withClient(server.adminUrl, (client) => client.query(`CREATE TABLE kept (county text); INSERT INTO kept VALUES ('500231')`));
        await server.stop();

        server = await startEmbeddedPostgres(folder, port);
        expect(server.dataDir).toBe(relocated);
        expect(await withClient(server.adminUrl, (client) => client.query(`SELECT county FROM kept`))).toMatchObject({
          rows: [{ county: '500231' }],
        });
        await server.stop();

        // `rm -rf .data`, as without root, is a fresh start
        rmSync(path.join(checkout, '.data'), { recursive: true, force: true });
        server = await startEmbeddedPostgres(folder, port);
        expect(server.dataDir).toBe(relocated);
        const tables = await withClient(server.adminUrl, (client) => client.query(`SELECT to_regclass('kept') AS kept`));
        expect(tables.rows).toEqual([{ kept: null }]);
        await server.stop();
      } finally {
        rmSync(checkout, { recursive: true, force: true });
        for (const left of relocated ? [relocated, `${relocated}.link`] : []) rmSync(left, { recursive: true, force: true });
      }
    },
  );

  rootOnly(rootOnlyTitle('gives two checkouts two data folders'), async () => {
    const [first, second] = [privateFolder(), privateFolder()];
    const servers = [];
    try {
      servers.push(await startEmbeddedPostgres(path.join(first, 'postgres'), await freePort()));
      servers.push(await startEmbeddedPostgres(path.join(second, 'postgres'), await freePort()));
      expect(servers[0].dataDir).not.toBe(servers[1].dataDir);
    } finally {
      for (const server of servers) {
        await server.stop();
        for (const left of [server.dataDir, `${server.dataDir}.link`]) rmSync(left, { recursive: true, force: true });
      }
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });

  rootOnly(rootOnlyTitle('says in one line when the user postgres can neither be found nor created'), () => {
    let thrown: unknown;
    try {
      // a name useradd refuses: nothing is created
      postgresUser('no such user/');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StartupError);
    const message = (thrown as Error).message;
    singleLine(message);
    expect(message).toMatch(/could not be created.*create that user.*DATABASE_URL/);
  });
});

describe('a start that cannot work', () => {
  it('names a port that another program holds, and the setting that moves it', async () => {
    const port = await freePort();
    const other = await holdPort(port);
    const folder = privateFolder();
    try {
      const refused = await startEmbeddedPostgres(path.join(folder, 'postgres'), port).catch((error: Error) => error);
      expect(refused).toBeInstanceOf(StartupError);
      const { message } = refused as Error;
      singleLine(message);
      expect(message).toMatch(new RegExp(`port ${port} is in use by another program \\(another npm start\\?\\).*set EMBEDDED_PG_PORT`));
      // the tests' own server names the tests' setting
      const tests = await startEmbeddedPostgres(path.join(folder, 'postgres'), port, {
        port: 'TEST_EMBEDDED_PG_PORT',
        command: 'npm test',
      }).catch((error: Error) => error);
      expect((tests as Error).message).toMatch(/\(another npm test\?\).*set TEST_EMBEDDED_PG_PORT/);
      expect((tests as Error).stack).toBe(`StartupError: ${(tests as Error).message}`);
    } finally {
      other.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names a data folder that another PostgreSQL uses', async () => {
    const folder = privateFolder();
    const data = path.join(folder, 'postgres');
    const first = await startEmbeddedPostgres(data, await freePort());
    try {
      const second = await startEmbeddedPostgres(data, await freePort()).catch((error: Error) => error);
      expect(second).toBeInstanceOf(StartupError);
      singleLine((second as Error).message);
      expect((second as Error).message).toMatch(/is in use by another PostgreSQL \(pid \d+\).*EMBEDDED_PG_DIR/);
    } finally {
      await first.stop();
      for (const left of [first.dataDir, `${first.dataDir}.link`]) rmSync(left, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads the cause in what PostgreSQL printed: a full disk, a socket of the same port, anything else', () => {
    const disk = explainFailure('initdb: error: could not write to file "x": No space left on device\n', 'initdb', '/d', 5);
    expect(disk.message).toMatch(/no space left on the disk of \/d: free some space, or set EMBEDDED_PG_DIR/);
    const socket = explainFailure(
      'FATAL:  lock file "/tmp/.s.PGSQL.54329.lock" already exists\nHINT:  Is another postmaster (PID 12) using socket file "/tmp/.s.PGSQL.54329"?\n',
      'the server',
      '/d',
      54329,
    );
    expect(socket.message).toMatch(/port 54329 is in use/);
    const other = explainFailure('LOG:  starting\nFATAL:  data directory "/d" has invalid permissions\nDETAIL: …\n', 'the server', '/d', 5);
    expect(other.message).toBe(
      'Embedded PostgreSQL: the server failed: FATAL:  data directory "/d" has invalid permissions (data in /d, port 5); remove the data folder to start afresh, or set DATABASE_URL to a server of your own',
    );
  });

  it('ends npm start with that one line and a non-zero status, not a stack trace', async () => {
    const port = await freePort();
    const other = await holdPort(port);
    const folder = privateFolder();
    try {
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
        cwd: path.resolve(__dirname, '..'),
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL')),
          EMBEDDED_PG_PORT: String(port),
          EMBEDDED_PG_DIR: path.join(folder, 'postgres'),
          DATA_DIR: path.join(folder, 'data'),
          PORT: '0',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Embedded PostgreSQL: port ${port} is in use`))]);
    } finally {
      other.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
