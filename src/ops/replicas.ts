import { ApolloServerPlugin } from '@apollo/server';
import { Client } from 'pg';
import { DataSource, ReplicationMode } from 'typeorm';
import { RequestDatabase } from '../db/request-database';
import { assertNotOwner } from '../db/roles';
import { isDatabaseUnavailable } from './database-faults';
import { describeError, Logger } from './logger';

/**
 * Read replicas (DATABASE_REPLICA_URLS): PostgreSQL streaming replicas (hot standbys) of the primary.
 *
 * Routing is decided once per request, when its one transaction opens (src/db/request-database.ts): a `query`
 * operation reads on a replica ('slave' in TypeORM's words); a mutation — its writes, and every read of the same
 * request, before or after a write — runs on the primary ('master'), as does anything outside a GraphQL operation
 * (authentication by API key, /ready, the seed). A replica is a physical copy: the same roles, grants and Row Level
 * Security policies, checked at start (the login must not be the owner or a superuser there either).
 */

/** TypeORM's PostgresDriver, the part used here. */
interface PgPool {
  connect(callback: (error: Error | undefined, client: unknown, release: (error?: unknown) => void) => void): void;
}
interface ReplicatedDriver {
  slaves: PgPool[];
  obtainMasterConnection(): Promise<[unknown, (error?: unknown) => void]>;
  obtainSlaveConnection(): Promise<[unknown, (error?: unknown) => void]>;
}

/** Where each request's transaction goes: decided by readRoutingPlugin, read as the transaction opens. */
const routes = new WeakMap<RequestDatabase, { target: ReplicationMode }>();

/**
 * The `target` option of a request's RequestDatabase and the record the plugin fills in. Starts on the primary: a
 * request whose operation is never resolved (refused before running) or that is not a query stays there.
 */
export function requestRoute(): { target: () => ReplicationMode; attach(db: RequestDatabase): void } {
  const route: { target: ReplicationMode } = { target: 'master' };
  return { target: () => route.target, attach: (db) => routes.set(db, route) };
}

/** Sends the transaction of a `query` operation to a replica (when there are any), once the operation is known. */
export const readRoutingPlugin: ApolloServerPlugin<{ db: RequestDatabase }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        const route = routes.get(contextValue.db);
        if (route) route.target = operation?.operation === 'query' ? 'slave' : 'master';
      },
    };
  },
};

/** DATABASE_REPLICA_URLS entries that name no user take the application's login (and database when they name none). */
export function replicaUrl(raw: string, applicationUrl: string): string {
  const replica = new URL(raw);
  const app = new URL(applicationUrl);
  if (!replica.username) {
    replica.username = app.username;
    replica.password = app.password;
  }
  if (replica.pathname === '' || replica.pathname === '/') replica.pathname = app.pathname;
  return replica.toString();
}

/** host:port of a URL, for logs: never its credentials. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/**
 * Checks each replica before the server uses it: Row Level Security must hold for its login (not the owner, not a
 * superuser, no BYPASSRLS: the start fails otherwise, as for the primary), and it should be a standby (a warning
 * otherwise). A replica that cannot be reached is left out, with a warning, until the next start: the primary answers
 * the reads meanwhile.
 */
export async function usableReplicas(urls: string[], connectTimeoutMs: number, logger: Logger): Promise<string[]> {
  const usable: string[] = [];
  for (const url of urls) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs, application_name: 'hvp-backend-check' });
    try {
      await client.connect();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      logger.warn(
        { replica: describeServer(url), err: describeError(error) },
        'read replica unreachable at start: left out until the next start',
      );
      continue;
    }
    try {
      await assertNotOwner({ query: async (sql: string) => (await client.query(sql)).rows } as unknown as DataSource);
      const { rows } = await client.query('SELECT pg_is_in_recovery() AS standby');
      if (!rows[0].standby)
        logger.warn({ replica: describeServer(url) }, 'a read replica that is not a standby (pg_is_in_recovery() is false)');
      usable.push(url);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return usable;
}

/** How long a replica that could not be reached is skipped before it is tried again. */
export const REPLICA_RETRY_MS = 5000;

function connect(pool: PgPool): Promise<[unknown, (error?: unknown) => void]> {
  return new Promise((resolve, reject) => pool.connect((error, client, release) => (error ? reject(error) : resolve([client, release]))));
}

/**
 * Replaces TypeORM's choice of replica (one at random, and a failure when it is down) by: the replicas in turn,
 * skipping for REPLICA_RETRY_MS one that could not be reached, and the primary when none can. A replica that goes away
 * costs its readers nothing but the first failed connection attempt.
 */
export function preferReachableReplicas(dataSource: DataSource, logger: Logger, retryMs = REPLICA_RETRY_MS): void {
  const driver = dataSource.driver as unknown as ReplicatedDriver;
  if (!driver.slaves?.length) return;
  const skippedUntil = new Map<number, number>();
  let next = 0;
  driver.obtainSlaveConnection = async () => {
    const count = driver.slaves.length;
    const first = next++ % count;
    for (let i = 0; i < count; i++) {
      const index = (first + i) % count;
      if ((skippedUntil.get(index) ?? 0) > Date.now()) continue;
      try {
        const connection = await connect(driver.slaves[index]);
        if (skippedUntil.delete(index)) logger.info({ replica: index }, 'read replica reachable again');
        return connection;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        skippedUntil.set(index, Date.now() + retryMs);
        logger.warn({ replica: index, err: describeError(error) }, `read replica unreachable: reads go elsewhere for ${retryMs} ms`);
      }
    }
    return driver.obtainMasterConnection();
  };
}
