import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { seedDemo } from '../src/seed/seed';

/** `npm run seed:demo`: seeds the demo data into DATABASE_URL (or the embedded database), once. */
async function run(): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    console.log((await seedDemo(database.dataSource)) ? 'Seeded the demo data.' : 'The demo data was already there.');
  } finally {
    await database.close();
  }
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
