import { userInfo } from 'node:os';
import { Principal, Role } from '../src/auth/principal';
import { connectAsOwner, migrate } from '../src/db/database';
import { createDataSource } from '../src/db/data-source';
import { RequestDatabase } from '../src/db/request-database';
import { commandRole } from '../src/history/command-role';

/**
 * Runs a command-line tool's work as an ADMIN of one county, in one transaction: connects as the owner (DATABASE_URL,
 * or the embedded database, running or not), applies pending migrations, and opens the transaction under Row Level
 * Security (the owner is bound by it too, FORCE; a superuser owner takes the application's role), so the tool sees
 * what an ADMIN of the county sees through the API and no deleted record. The transaction commits when `work`
 * resolves and `commit` says so, and rolls back otherwise.
 */
export async function asCountyAdmin<T>(
  tool: string,
  countyCode: string,
  commit: (result: T) => boolean,
  work: (db: RequestDatabase, principal: Principal) => Promise<T>,
): Promise<T> {
  const principal: Principal = {
    subject: `${tool}:${userInfo().username}`,
    role: Role.ADMIN,
    counties: [countyCode],
    creditCode: null,
    via: 'system',
  };
  const { url, stop } = await connectAsOwner();
  try {
    await migrate(url);
    const dataSource = createDataSource({ url, poolSize: 1 });
    await dataSource.initialize();
    try {
      const db = new RequestDatabase(dataSource, { role: await commandRole(dataSource) }, principal);
      let finished = false;
      try {
        const result = await work(db, principal);
        await db.finish(commit(result));
        finished = true;
        return result;
      } finally {
        if (!finished) await db.finish(false).catch(() => undefined);
      }
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await stop();
  }
}
