import 'reflect-metadata';
import { userInfo } from 'node:os';
import { ApiKey } from '../src/auth/api-key';
import { insertApiKey, listApiKeys, revokeApiKey } from '../src/auth/api-key.sql';
import { apiKeyExpiry } from '../src/auth/api-keys';
import { loadConfig } from '../src/config';
import { principalFromClaims, SYSTEM_PRINCIPAL } from '../src/auth/principal';
import { connectAsOwner, migrate } from '../src/db/database';
import { createDataSource } from '../src/db/data-source';
import { RequestDatabase } from '../src/db/request-database';
import { durationSeconds, options } from './cli-args';

const USAGE = `npm run -s apikey -- create --name NAME --role ADMIN|EDITOR|VIEWER|ENTERPRISE --county 500231 [--county …]
                               [--credit-code CODE] [--expires 2027-01-01 | 90d]
npm run -s apikey -- list [--all]
npm run -s apikey -- revoke ID

Manages API keys (Authorization: ApiKey <key>) directly in the database, as its owner: DATABASE_URL, or the
embedded database (the running embedded server's, or one started for the command). "create" prints the key once;
only its SHA-256 is stored. --county "*" is every county. "list" shows active keys (--all: revoked and expired too).`;

function expiry(text: string | undefined): Date | null {
  if (!text) return null;
  if (/^\d+[smhd]$/.test(text)) return new Date(Date.now() + durationSeconds(text) * 1000);
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw new Error(`--expires takes a date (2027-01-01, 2027-01-01T08:00:00+08:00) or a duration (90d), got "${text}"`);
  return date;
}

/** The expiry the key gets: API_KEY_MAX_TTL bounds it (and is the default), as for createApiKey. */
function expiryWithin(requested: Date | null, maxSeconds: number): Date {
  const expiry = apiKeyExpiry(requested, maxSeconds);
  if (!expiry.ok) throw new Error(`--expires ${expiry.reason}`);
  return expiry.expiresAt;
}

function describe(key: ApiKey): string {
  const state = key.revokedAt
    ? `revoked ${key.revokedAt.toISOString()}`
    : key.expiresAt && key.expiresAt <= new Date()
      ? 'expired'
      : 'active';
  return [
    String(key.id).padStart(4),
    key.prefix + '…',
    key.name,
    key.role,
    key.counties.join(','),
    key.creditCode ?? '-',
    key.expiresAt ? `expires ${key.expiresAt.toISOString()}` : 'no expiry',
    state,
    `by ${key.createdBy}`,
  ].join('  ');
}

async function run(): Promise<void> {
  const args = options(process.argv.slice(2), ['name', 'role', 'county', 'credit-code', 'expires', 'all'], USAGE);
  const [command, ...rest] = args._;
  if (!['create', 'list', 'revoke'].includes(command)) throw new Error(USAGE);
  const config = loadConfig();
  const { url, stop } = await connectAsOwner(config);
  try {
    await migrate(url);
    const dataSource = createDataSource({ url, poolSize: 1 });
    await dataSource.initialize();
    // the owner is under Row Level Security too (FORCE): the command acts as an ADMIN of every county
    const db = new RequestDatabase(dataSource, {}, SYSTEM_PRINCIPAL);
    try {
      if (command === 'create') {
        const counties = (args.county ?? []).flatMap((value) => value.split(','));
        const checked = principalFromClaims(
          { sub: 'cli', role: args.role?.[0]?.toUpperCase(), counties, creditCode: args['credit-code']?.[0] },
          'apiKey',
        );
        if (!checked.ok) throw new Error(`${checked.reason}\n\n${USAGE}`);
        const name = args.name?.[0]?.trim();
        if (!name) throw new Error(`--name is required\n\n${USAGE}`);
        const { principal } = checked;
        const { key, apiKey } = await insertApiKey(db, {
          name,
          role: principal.role,
          counties: principal.counties,
          creditCode: principal.creditCode,
          expiresAt: expiryWithin(expiry(args.expires?.[0]), config.apiKeyMaxTtlSeconds),
          createdBy: `cli:${userInfo().username}`,
        });
        console.error(`created: ${describe(apiKey)}\nThe key (shown once; send it as "Authorization: ApiKey <key>"):`);
        console.log(key);
      } else if (command === 'list') {
        const keys = await listApiKeys(db, args.all !== undefined || rest.includes('--all'));
        console.log(keys.length ? keys.map(describe).join('\n') : 'no API keys');
      } else {
        const id = rest[0];
        if (!id || !/^\d+$/.test(id)) throw new Error(`revoke needs the id of a key (npm run apikey -- list)\n\n${USAGE}`);
        const key = await revokeApiKey(db, Number(id));
        if (!key) throw new Error(`no API key with id ${id}`);
        console.log(`revoked: ${describe(key)}`);
      }
      await db.finish(true);
    } catch (error) {
      await db.finish(false);
      throw error;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await stop();
  }
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
