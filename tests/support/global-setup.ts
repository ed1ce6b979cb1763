import { rmSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded';

/**
 * Tests run against real PostgreSQL: DATABASE_URL's server when set, else an embedded server of their own
 * (fresh data folder, own port). Each test file then creates its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = path.resolve('.data', 'test-postgres');
  rmSync(dir, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres(dir, Number(process.env.TEST_EMBEDDED_PG_PORT || 54339));
  process.env.TEST_ADMIN_URL = embedded.adminUrl;
  (globalThis as { embeddedTestPostgres?: typeof embedded }).embeddedTestPostgres = embedded;
}
