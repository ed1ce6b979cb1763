import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { createDataSource } from './data-source';
import { EmbeddedDatabase, startEmbeddedPostgres, withDatabase } from './embedded';

export const EMBEDDED_DATABASE_NAME = 'hvp';

export interface Database {
  dataSource: DataSource;
  /** the embedded server, when no DATABASE_URL was given */
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Connects to DATABASE_URL or to the embedded server (started here), and applies pending migrations. */
export async function openDatabase(config: Config): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.embeddedDataDir, config.embeddedPort);
    await createDatabaseIfMissing(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
    url = withDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
  }
  const dataSource = createDataSource({ url, poolSize: config.poolSize });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
