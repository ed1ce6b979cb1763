import 'reflect-metadata';
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { Config, loadConfig } from '../src/config';
import { createDatabaseIfMissing, migrate } from '../src/db/database';
import { withDatabase } from '../src/db/embedded';
import { ensureAppLoginRole, withUser } from '../src/db/roles';
import { RunningServer, startServer } from '../src/server';
import { createLogger } from '../src/ops/logger';
import { replicaUrl } from '../src/ops/replicas';
import {
  EmbeddedPostgresProcess,
  embeddedPostgresProcess,
  eventually,
  freePort,
  StreamingReplica,
  startStreamingReplica,
  temporaryFolder,
  withClient,
} from './support/ops-postgres';

/**
 * Read replicas, for real: an embedded primary and a streaming replica made from it by this test (a base backup taken
 * between pg_backup_start and pg_backup_stop, started as a hot standby). With replay on the replica paused, what a
 * request sees tells which server answered it: queries read the replica, mutations — and their reads after a write —
 * the primary. Row Level Security holds on the replica, and a replica that goes away leaves its reads to the primary.
 */

const JWT_SECRET = 'replica-test-secret-of-at-least-32-characters';
const APP_PASSWORD = 'replica-test-app-password';
const folder = temporaryFolder('hvp-replica-');
const primaryDir = path.join(folder.dir, 'primary');
let primary: EmbeddedPostgresProcess;
let replica: StreamingReplica;
let ownerUrl: string;
/** the application's login on the primary, and on the replica */
let appUrl: string;
let appReplicaUrl: string;
let server: RunningServer;
let config: Config;
const tokens: Record<string, string> = {};

async function graphql(query: string, variables?: Record<string, unknown>, token = tokens.admin) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors) throw new Error(`GraphQL errors (${response.status}): ${JSON.stringify(body.errors)}`);
  return body.data;
}

const ADD_COUNTY = `mutation($input: CountyInput!) { upsertCounty(input: $input) { code } }`;
const countyCodes = async (token?: string): Promise<string[]> =>
  ((await graphql('query Counties { counties { code } }', undefined, token)).counties as { code: string }[])
    .map((county) => county.code)
    .sort();

/** one statement on the replica as its superuser */
const onReplica = (sql: string) => withClient(withDatabase(replica.adminUrl, 'hvp'), async (client) => (await client.query(sql)).rows);

beforeAll(async () => {
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  primary = await embeddedPostgresProcess(primaryDir, primaryPort);
  await createDatabaseIfMissing(primary.adminUrl, 'hvp');
  ownerUrl = withDatabase(primary.adminUrl, 'hvp');
  // the schema and the application's login exist before the copy, so the replica has them from its first moment
  await migrate(ownerUrl);
  appUrl = await ensureAppLoginRole(ownerUrl, 'hvp_app', APP_PASSWORD);
  replica = await startStreamingReplica({
    primaryAdminUrl: primary.adminUrl,
    primaryDir,
    dir: path.join(folder.dir, 'replica'),
    port: replicaPort,
    slot: 'hvp_test_replica',
  });
  appReplicaUrl = (() => {
    const url = new URL(appUrl);
    url.port = String(replicaPort);
    return url.toString();
  })();
  tokens.admin = await signToken(JWT_SECRET, { sub: 'replica-admin', role: Role.ADMIN, counties: ['*'] }, 3600);
  tokens.viewer = await signToken(JWT_SECRET, { sub: 'replica-viewer', role: Role.VIEWER, counties: ['500231'] }, 3600);
  config = {
    ...loadConfig({}),
    port: 0,
    databaseUrl: ownerUrl,
    appDatabasePassword: APP_PASSWORD,
    // no user in the URL: the application's login is taken
    databaseReplicaUrls: [`postgres://127.0.0.1:${replicaPort}/hvp`],
    jwtSecret: JWT_SECRET,
    poolSize: 3,
    databaseConnectTimeoutMs: 1000,
    logLevel: 'silent',
  };
  server = await startServer(config, { logger: createLogger('silent') });
});

afterAll(async () => {
  await server?.stop();
  await replica?.stop();
  await primary?.stop();
  folder.remove();
});

describe('configuration', () => {
  it('reads DATABASE_REPLICA_URLS as a comma-separated list; an entry without a user takes the application login', () => {
    expect(loadConfig({}).databaseReplicaUrls).toEqual([]);
    expect(loadConfig({ DATABASE_REPLICA_URLS: ' postgres://a:5432/hvp , postgres://u:p@b/hvp,' }).databaseReplicaUrls).toEqual([
      'postgres://a:5432/hvp',
      'postgres://u:p@b/hvp',
    ]);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'not a url' })).toThrow(/DATABASE_REPLICA_URLS/);
    expect(replicaUrl('postgres://replica:5433', 'postgres://hvp_app:secret@primary:5432/hvp')).toBe(
      'postgres://hvp_app:secret@replica:5433/hvp',
    );
    expect(replicaUrl('postgres://reader:other@replica/hvp2', 'postgres://hvp_app:secret@primary:5432/hvp')).toBe(
      'postgres://reader:other@replica/hvp2',
    );
  });
});

describe('routing between the primary and a streaming replica', () => {
  it('the replica is a real standby, streaming from the primary', async () => {
    expect(await onReplica('SELECT pg_is_in_recovery() AS standby')).toEqual([{ standby: true }]);
    const senders = await withClient(
      primary.adminUrl,
      async (client) => (await client.query(`SELECT application_name, state FROM pg_stat_replication`)).rows,
    );
    expect(senders).toEqual([{ application_name: 'hvp_test_replica', state: 'streaming' }]);
  });

  it('queries read the replica; mutations, and reads after a write in the same request, the primary', async () => {
    await graphql(ADD_COUNTY, { input: { code: '500231', name: '垫江县' } });
    await eventually('the county replicated', async () => ((await countyCodes()).includes('500231') ? true : undefined));

    await onReplica('SELECT pg_wal_replay_pause()');
    try {
      await eventually('replay paused', async () =>
        (await onReplica('SELECT pg_get_wal_replay_pause_state() AS state'))[0].state === 'paused' ? true : undefined,
      );
      // acknowledged by the primary, not replayed on the replica
      await graphql(ADD_COUNTY, { input: { code: '500000', name: '重庆市' } });
      expect(await countyCodes()).toEqual(['500231']);
      const overGet = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ county(code: "500000") { code } }')}`, {
        headers: { authorization: `Bearer ${tokens.admin}` },
      });
      expect(await overGet.json()).toEqual({ data: { county: null } });

      // one mutation request: the second write reads the first one's county (its parent must exist)
      const both = await graphql(`
        mutation {
          parent: upsertCounty(input: { code: "500100", name: "测试市" }) {
            code
          }
          child: upsertCounty(input: { code: "500101", name: "测试区", parentCode: "500100" }) {
            code
            parentCode
          }
        }
      `);
      expect(both).toEqual({ parent: { code: '500100' }, child: { code: '500101', parentCode: '500100' } });
      // a mutation that reads what an earlier request wrote, also not on the replica yet
      const reparented = await graphql(`
        mutation {
          upsertCounty(input: { code: "500231", name: "垫江县", parentCode: "500000" }) {
            code
            parentCode
          }
        }
      `);
      expect(reparented.upsertCounty).toEqual({ code: '500231', parentCode: '500000' });
      expect(await countyCodes()).toEqual(['500231']);
    } finally {
      await onReplica('SELECT pg_wal_replay_resume()');
    }
    await eventually('replay resumed', async () => ((await countyCodes()).length === 4 ? true : undefined));
    expect(await countyCodes()).toEqual(['500000', '500100', '500101', '500231']);
  });

  it('Row Level Security holds on the replica: the application login sees nothing without a scope, a VIEWER only its county', async () => {
    const replicaApp = async (sql: string) => withClient(appReplicaUrl, async (client) => (await client.query(sql)).rows);
    expect(await replicaApp('SELECT count(*)::int AS n FROM county')).toEqual([{ n: 0 }]);
    expect(await onReplica('SELECT count(*)::int AS n FROM county')).toEqual([{ n: 4 }]);
    expect(await countyCodes(tokens.viewer)).toEqual(['500231']);
  });

  it('refuses to start with a replica whose login would not be under Row Level Security', async () => {
    const asOwner = withUser(withDatabase(replica.adminUrl, 'hvp'), 'postgres', 'postgres');
    await expect(startServer({ ...config, databaseReplicaUrls: [asOwner] }, { logger: createLogger('silent') })).rejects.toThrow(
      /superuser/,
    );
  });

  it('a replica that goes away leaves its reads to the primary', async () => {
    await replica.stop();
    await graphql(ADD_COUNTY, { input: { code: '500232', name: '武隆区' } });
    expect(await countyCodes()).toEqual(['500000', '500100', '500101', '500231', '500232']);
    expect(await countyCodes()).toContain('500232');
  });
});
