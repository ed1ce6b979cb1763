import 'reflect-metadata';
import http from 'node:http';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { createApolloServer, createHttpHandler } from './graphql/server';
import { seedDemo } from './seed/seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  if (database.embedded && (await seedDemo(database.dataSource))) {
    console.log('Seeded the demo data: the Dianjiang and Chongqing plans and a synthetic Dianjiang set.');
  }
  const apollo = await createApolloServer();
  const server = http.createServer(createHttpHandler(apollo, database.dataSource));
  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  console.log(
    `GraphQL API at http://localhost:${config.port}/graphql (${database.embedded ? `embedded PostgreSQL, data in ${config.embeddedDataDir}` : 'DATABASE_URL'})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    server.close();
    server.closeIdleConnections();
    await apollo.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
