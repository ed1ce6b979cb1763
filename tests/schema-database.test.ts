import { databaseSchema } from './support/database-schema';
import { expectFile } from './support/snapshot-file';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

describe('the database schema', () => {
  it('is committed as the migrations leave it (npm run schema:database:emit)', async () => {
    expectFile('schema/database.sql', await databaseSchema(api.adminUrl), 'npm run schema:database:emit');
  });
});
