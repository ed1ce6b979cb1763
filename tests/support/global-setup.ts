import { rmSync } from 'node:fs';
import path from 'node:path';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../../src/db/embedded';

/** The embedded server of the tests, when they run without DATABASE_URL; global-teardown.ts stops and removes it. */
export interface TestPostgres {
  server: EmbeddedDatabase;
  /** the folder asked for (as root, possibly a link to `server.dataDir`) */
  folder: string;
}

/**
 * Tests run against real PostgreSQL: DATABASE_URL's server when set, else an embedded server of their own
 * (fresh data folder, own port: TEST_EMBEDDED_PG_PORT). Each test file then creates its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const folder = path.resolve('.data', 'test-postgres');
  rmSync(folder, { recursive: true, force: true });
  const server = await startEmbeddedPostgres(folder, Number(process.env.TEST_EMBEDDED_PG_PORT || 54339), {
    port: 'TEST_EMBEDDED_PG_PORT',
    command: 'npm test',
  });
  process.env.TEST_ADMIN_URL = server.adminUrl;
  (globalThis as { testPostgres?: TestPostgres }).testPostgres = { server, folder };
}
