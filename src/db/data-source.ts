import './pg-types';
import { DataSource, Logger } from 'typeorm';
import { MIGRATIONS } from '../../migrations';

export interface DataSourceOptions {
  url: string;
  /** read replicas (TypeORM replication: `url` is the master, these the slaves); each gets a pool of `poolSize` */
  replicaUrls?: string[];
  poolSize?: number;
  /** pg's `connectionTimeoutMillis` (DATABASE_CONNECT_TIMEOUT_MS): a connection not had within it fails; none: wait */
  connectTimeoutMs?: number;
  /** receives every statement; tests count them */
  logger?: Logger;
}

export function createDataSource({ url, replicaUrls = [], poolSize = 10, connectTimeoutMs, logger }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    ...(replicaUrls.length > 0 ? { replication: { master: { url }, slaves: replicaUrls.map((replica) => ({ url: replica })) } } : { url }),
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: logger ? ['query'] : false,
    logger,
    extra: { max: poolSize, application_name: 'hvp-backend', ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}) },
  });
}
