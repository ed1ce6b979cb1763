import { rmSync } from 'node:fs';
import type { TestPostgres } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { testPostgres?: TestPostgres }).testPostgres;
  if (!embedded) return;
  await embedded.server.stop();
  // a fresh one is made at every run; as root the data may be outside the checkout, where nothing else removes it
  for (const left of [embedded.server.dataDir, `${embedded.server.dataDir}.link`]) rmSync(left, { recursive: true, force: true });
  rmSync(embedded.folder, { recursive: true, force: true });
}
