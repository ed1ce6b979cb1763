import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { migrate, ownerDatabase } from '../src/db/database';
import { seedDemo } from '../src/seed/seed';

/**
 * `npm run seed:demo`: seeds the demo data into DATABASE_URL (or the embedded database) once. It connects as the
 * owner, like the migrations; the seed itself runs as an ADMIN of every county under Row Level Security.
 */
async function run(): Promise<void> {
  const { ownerUrl, embedded } = await ownerDatabase(loadConfig());
  try {
    await migrate(ownerUrl);
    const dataSource = createDataSource({ url: ownerUrl, poolSize: 1 });
    await dataSource.initialize();
    try {
      console.log((await seedDemo(dataSource)) ? 'Seeded the demo data.' : 'The demo data was already there.');
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
