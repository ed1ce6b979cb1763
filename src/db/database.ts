import { withClient } from './client';
import { DataSource } from 'typeorm';
import { Config, loadConfig } from '../config';
import { defaultLogger, Logger } from '../ops/logger';
import { preferReachableReplicas, replicaUrl, usableReplicas } from '../ops/replicas';
import { createDataSource } from './data-source';
import { EmbeddedDatabase, startEmbeddedPostgres, withDatabase } from './embedded';
import { APP_LOGIN_ROLE, assertNotOwner, ensureAppLoginRole } from './roles';
import { readOrCreateSecret } from './secrets';

export const EMBEDDED_DATABASE_NAME = 'hvp';

export interface Database {
  /**
   * connected as the application role (not the owner): every query is under Row Level Security; with read replicas
   * (DATABASE_REPLICA_URLS) the primary is TypeORM's master and the replicas its slaves
   */
  dataSource: DataSource;
  /** the embedded server, when no DATABASE_URL was given */
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  });
}

/** The owner's URL: DATABASE_URL, or the embedded server's database (the server is started here). */
export async function ownerDatabase(config: Config): Promise<{ ownerUrl: string; embedded: EmbeddedDatabase | null }> {
  if (config.databaseUrl) return { ownerUrl: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(config.embeddedDataDir, config.embeddedPort);
  try {
    await createDatabaseIfMissing(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { ownerUrl: withDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME), embedded };
}

/** Applies pending migrations as the owner (`ownerUrl`), on a connection of their own. */
export async function migrate(ownerUrl: string): Promise<void> {
  const owner = createDataSource({ url: ownerUrl, poolSize: 1 });
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: 'each' });
  } finally {
    await owner.destroy();
  }
}

/** The URL the application queries with: APP_DATABASE_URL, or the login role hvp_app made sure of. */
async function applicationUrl(config: Config, ownerUrl: string, embedded: boolean): Promise<string> {
  if (config.appDatabaseUrl) return config.appDatabaseUrl;
  const password = config.appDatabasePassword ?? (embedded ? readOrCreateSecret(config.dataDir, 'app-db-password') : null);
  if (!password) {
    throw new Error(
      'DATABASE_URL is set but the application role is not: set APP_DATABASE_URL (a login that is a member of hvp_app_access, ' +
        'not the owner of the tables) or APP_DATABASE_PASSWORD (the server then logs in as hvp_app, creating it if it may). See docs/operations.md, Configuration.',
    );
  }
  return ensureAppLoginRole(ownerUrl, APP_LOGIN_ROLE, password);
}

/**
 * Connects to DATABASE_URL or to the embedded server (started here), applies pending migrations as the owner, and
 * opens the application's pool as a role that is neither the owner nor a superuser (Row Level Security holds), with a
 * pool per reachable read replica (DATABASE_REPLICA_URLS; checked the same way).
 */
export async function openDatabase(config: Config, logger: Logger = defaultLogger()): Promise<Database> {
  const { ownerUrl, embedded } = await ownerDatabase(config);
  let dataSource: DataSource | null = null;
  try {
    await migrate(ownerUrl);
    const appUrl = await applicationUrl(config, ownerUrl, embedded !== null);
    const replicas = config.databaseReplicaUrls.length
      ? await usableReplicas(
          config.databaseReplicaUrls.map((url) => replicaUrl(url, appUrl)),
          config.databaseConnectTimeoutMs,
          logger,
        )
      : [];
    dataSource = createDataSource({
      url: appUrl,
      replicaUrls: replicas,
      poolSize: config.poolSize,
      connectTimeoutMs: config.databaseConnectTimeoutMs,
    });
    await dataSource.initialize();
    await assertNotOwner(dataSource);
    preferReachableReplicas(dataSource, logger);
  } catch (error) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  const app = dataSource;
  return {
    dataSource: app,
    embedded,
    async close() {
      if (app.isInitialized) await app.destroy();
      await embedded?.stop();
    },
  };
}

/** For the command-line tools, the owner's URL: DATABASE_URL, the embedded server already running, or an embedded server started for the command. */
export async function connectAsOwner(config: Config = loadConfig()): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const running = `postgres://postgres:postgres@127.0.0.1:${config.embeddedPort}/${EMBEDDED_DATABASE_NAME}`;
  try {
    await withClient(running, async () => undefined);
    return { url: running, stop: async () => undefined };
  } catch {
    const { ownerUrl, embedded } = await ownerDatabase(config);
    return { url: ownerUrl, stop: async () => embedded?.stop() };
  }
}
