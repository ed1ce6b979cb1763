import 'reflect-metadata';
import { loadConfig } from './src/config';
import { createDataSource } from './src/db/data-source';

/**
 * The DataSource of the TypeORM CLI (`npx typeorm-ts-node-commonjs -d ormconfig.ts migration:run`);
 * the app builds its own through the same createDataSource. The CLI needs DATABASE_URL.
 */
const { databaseUrl } = loadConfig();
if (!databaseUrl) throw new Error('Set DATABASE_URL for the TypeORM CLI');

export default createDataSource({ url: databaseUrl });
