/**
 * What the application's login may do in the database beyond its grants: nothing. The history's trigger function runs
 * as the tables' owner (SECURITY DEFINER, so that it may write history, which the application may not); an attacker
 * holding the application's login — a leaked APP_DATABASE_URL, an injection — must not borrow it.
 */
import { Pool, PoolClient } from 'pg';
import { testAppUrl, createTestApi, TestApi, TEST_APP_ROLE } from './support/test-api';
import { givenCounty } from './support/builders';

let api: TestApi;
let app: Pool;

beforeAll(async () => {
  api = await createTestApi();
  await givenCounty(api, '500231', '垫江县');
  app = new Pool({ connectionString: await testAppUrl(api.adminUrl), max: 2 });
  app.on('error', () => undefined); // as test-api.ts's owner pool: a query on a lost connection still fails its test
});
afterAll(async () => {
  await app.end();
  await api.close();
});

/** Runs `work` as the application's login in a transaction that is rolled back, whatever happens. */
async function asAppLogin<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await app.connect();
  try {
    await client.query(`BEGIN`);
    await client.query(`SELECT hvp_begin('ADMIN', '*', '')`);
    return await work(client);
  } finally {
    await client.query(`ROLLBACK`).catch(() => undefined);
    client.release();
  }
}

/** Runs `statement` in a savepoint and answers the SQLSTATE it failed with (null: it succeeded). */
async function failure(client: PoolClient, statement: string): Promise<string | null> {
  await client.query(`SAVEPOINT probe`);
  try {
    await client.query(statement);
    await client.query(`RELEASE SAVEPOINT probe`);
    return null;
  } catch (error) {
    await client.query(`ROLLBACK TO SAVEPOINT probe`);
    return (error as { code?: string }).code ?? 'unknown';
  }
}

const forgedHistory = () => api.sql(`SELECT table_name, record_id FROM history WHERE table_name NOT IN (SELECT relname FROM pg_class)`);

describe('the history trigger function, as the application login', () => {
  it('cannot be attached to a table of the attacker with SQL of its own, so nothing runs as the owner', async () => {
    const outcome = await asAppLogin(async (client) => {
      const created = await failure(client, `CREATE TEMP TABLE loot (id int)`);
      // exactly the attack: the old function ran its trigger arguments as SQL, as the owner (a superuser on the embedded start)
      const attached = await failure(
        client,
        `CREATE TRIGGER loot AFTER INSERT ON loot REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
           EXECUTE FUNCTION hvp_history('County', 'current_user::text', 'SELECT current_user::text, ''500231'', 1', 'id', '')`,
      );
      const inserted = await failure(client, `INSERT INTO loot VALUES (1)`);
      const written = await client.query(`SELECT count(*)::int AS n FROM history WHERE table_name = 'loot'`);
      return { created, attached, inserted, written: written.rows[0].n };
    });
    expect(outcome.created).toBeNull();
    expect(outcome.attached).toBe('42501'); // permission denied for function hvp_history
    expect(outcome.written).toBe(0);
    expect(await api.sql(`SELECT count(*)::int AS n FROM history WHERE table_name = 'loot'`)).toEqual([{ n: 0 }]);
  });

  it('refuses to write history for any table but the audited ones, even when the owner attaches it', async () => {
    // the owner's own mistake, or a grant given back later: the function itself still writes nothing for a table not ours
    await api.sql(`CREATE SCHEMA stray; CREATE TABLE stray.county (code text PRIMARY KEY)`);
    try {
      await api.sql(`CREATE TRIGGER stray AFTER INSERT ON stray.county REFERENCING NEW TABLE AS new_rows
                       FOR EACH STATEMENT EXECUTE FUNCTION hvp_history()`);
      await expect(api.sql(`INSERT INTO stray.county VALUES ('500231')`)).rejects.toMatchObject({
        message: expect.stringContaining('is not an audited table'),
      });
      expect(await forgedHistory()).toEqual([]);
    } finally {
      await api.sql(`DROP SCHEMA stray CASCADE`);
    }
  });

  it('may not be executed by PUBLIC or the application, and has a pinned search_path with pg_temp last', async () => {
    const definers = await api.sql(
      `SELECT p.oid::regprocedure::text AS name, p.proconfig AS config,
              has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute,
              has_function_privilege($1, p.oid, 'EXECUTE') AS app_execute
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef ORDER BY 1`,
      [TEST_APP_ROLE],
    );
    // every SECURITY DEFINER function of the schema, today only the history's
    expect(definers.map((d) => d.name)).toEqual(['hvp_history()']);
    for (const definer of definers) {
      expect(definer).toMatchObject({ public_execute: false, app_execute: false });
      expect(definer.config).toContain('search_path=pg_catalog, public, pg_temp');
    }
  });
});

describe('history, as the application login', () => {
  it('cannot be written, changed or removed, by statement or through a table of the same name', async () => {
    await api.ok(`mutation { upsertCounty(input: { code: "500232", name: "武隆区", parentCode: null }) { code } }`);
    const before = await api.sql(`SELECT count(*)::int AS n FROM history`);
    const outcome = await asAppLogin(async (client) => ({
      insert: await failure(
        client,
        `INSERT INTO history (record_type, record_id, table_name, action, door) VALUES ('County', '500231', 'county', 'CREATED', 'API')`,
      ),
      update: await failure(client, `UPDATE history SET actor = 'someone else'`),
      delete: await failure(client, `DELETE FROM history`),
      truncate: await failure(client, `TRUNCATE history`),
      sequence: await failure(client, `SELECT nextval('history_id_seq')`),
      // a temp table named like an audited one comes first in an unpinned search_path
      shadow: await failure(client, `CREATE TEMP TABLE county (code text, name text, parent_code text)`),
      shadowTrigger: await failure(
        client,
        `CREATE TRIGGER shadow AFTER INSERT ON pg_temp.county REFERENCING NEW TABLE AS new_rows
           FOR EACH STATEMENT EXECUTE FUNCTION hvp_history()`,
      ),
    }));
    expect(outcome).toEqual({
      insert: '42501',
      update: '42501',
      delete: '42501',
      truncate: '42501',
      sequence: '42501',
      shadow: null,
      shadowTrigger: '42501',
    });
    expect(await api.sql(`SELECT count(*)::int AS n FROM history`)).toEqual(before);
  });

  it('is still written by the audited tables, with who made the change', async () => {
    await api
      .as({ role: 'ADMIN', counties: ['*'], sub: 'admin-li' })
      .ok(`mutation { upsertCounty(input: { code: "500233", name: "丰都县", parentCode: null }) { code } }`);
    expect(await api.sql(`SELECT table_name, action, actor, door FROM history WHERE record_id = '500233'`)).toEqual([
      { table_name: 'county', action: 'CREATED', actor: 'admin-li', door: 'API' },
    ]);
  });
});
