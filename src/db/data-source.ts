import './pg-types';
import { DataSource, Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../migrations';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /** pg's `connectionTimeoutMillis` (DATABASE_CONNECT_TIMEOUT_MS): a connection not had within it fails; none: wait */
  connectTimeoutMs?: number;
  /** receives every statement; tests count them */
  logger?: Logger;
}

export function createDataSource({ url, poolSize = 10, connectTimeoutMs, logger }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    logging: logger ? ['query'] : false,
    logger,
    extra: { max: poolSize, application_name: 'hvp-backend', ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}) },
  });
}
