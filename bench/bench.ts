/**
 * `npm run bench`: the GraphQL API over a county-scale dataset, against plain SQL.
 *
 *  1. A database of its own: without DATABASE_URL an embedded PostgreSQL in .data/bench-postgres (wiped
 *     first) on port BENCH_PG_PORT (54349); with DATABASE_URL a database `hvp_bench` on that server
 *     (dropped first if it exists, dropped again at the end). Migrations through the app's DataSource.
 *  2. The dataset (bench/generate.ts), generated inside PostgreSQL in seconds, then VACUUM ANALYZE.
 *  3. The real HTTP server in-process on a free loopback port (createApolloServer + createHttpHandler, with
 *     the app's statement timeout; pool of BENCH_CONNECTIONS); each operation is checked once (no errors,
 *     and the same answer as the hand-written SQL in bench/queries.ts), timed alone (median of 5 requests
 *     sent one at a time), then loaded with autocannon for BENCH_SECONDS (10) with BENCH_CONNECTIONS (10)
 *     connections after BENCH_WARMUP_SECONDS (2) of warm-up. Every response under load must be
 *     byte-identical to the checked one; a run starts only when the previous run's requests have finished.
 *  4. The hand-written SQL of (a) and (b) through a pg.Pool of the same size, same concurrency and duration.
 *  5. A table of req/s and p50/p95/p99 latencies (exact nearest-rank percentiles over every request of the
 *     run), then clean-up (also on SIGINT/SIGTERM).
 *
 * Every query asks about a fixed day, AS_OF (the day the synthetic data describes), so figures and answers
 * are the same on every run.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { rmSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ApolloServer } from '@apollo/server';
import { randomBytes } from 'node:crypto';
import { createAuthenticator } from '../src/auth/authenticate';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { createDataSource } from '../src/db/data-source';
import { ensureAppLoginRole } from '../src/db/roles';
import { startEmbeddedPostgres, withDatabase } from '../src/db/embedded';
import { Context } from '../src/graphql/context';
import { loadConfig } from '../src/config';
import { createApolloServer } from '../src/graphql/apollo';
import { createHttpHandler } from '../src/http/front';
import { parseApplicationNumber, typeDigitMismatch } from '../src/identifiers/application-number';
import { parseCreditCode } from '../src/identifiers/credit-code';
import { PatentType } from '../src/patent/patent-type';
import { AS_OF, BIG_COUNTY, BIG_COUNTY_NAME, generateDataset } from './generate';
import {
  COUNTY_SUMMARY_QUERY,
  COUNTY_SUMMARY_SQL,
  CountySummaryData,
  ENTERPRISE_HIGH_VALUE_SQL,
  ENTERPRISE_PROFILE_QUERY,
  EnterpriseProfileData,
  REASON_COVERAGE_SQL,
  SummaryRow,
  TARGET_GAPS_QUERY,
  TARGET_GAPS_SQL,
  TargetGapsData,
} from './queries';

import { integerEnv } from './settings';

// ---------------------------------------------------------------- settings

const SECONDS = integerEnv('BENCH_SECONDS', 10, 1);
const WARMUP_SECONDS = integerEnv('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = integerEnv('BENCH_CONNECTIONS', 10, 1);
const PG_PORT = integerEnv('BENCH_PG_PORT', 54349, 1);
const DATA_DIR = path.resolve('.data', 'bench-postgres');
const BENCH_DATABASE = 'hvp_bench';

// ---------------------------------------------------------------- clean-up

const cleanups: { label: string; run: () => Promise<unknown> }[] = [];
let cleaning: Promise<void> | null = null;

function onCleanup(label: string, run: () => Promise<unknown>): void {
  cleanups.push({ label, run });
}

/** Runs the registered clean-ups once, newest first; a failing one does not stop the others. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { label, run } of cleanups.reverse()) {
      try {
        await run();
      } catch (error) {
        console.error(`clean-up "${label}" failed:`, error);
      }
    }
  })();
  return cleaning;
}

/** set by the first SIGINT/SIGTERM: the load in progress stops, nothing new starts, clean-up runs */
let interrupted = false;
/** stops the load generator that is running, if any */
let stopLoad: (() => void) | null = null;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130); // a second signal: give up cleaning
    interrupted = true;
    console.error(`\n${signal}: stopping the load and cleaning up (again to exit at once)`);
    stopLoad?.();
    void cleanUp().finally(() => process.exit(130));
  });
}

function assertNotInterrupted(): void {
  if (interrupted) throw new Error('interrupted');
}

// ---------------------------------------------------------------- helpers

const log = (message: string) => console.log(message);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'hvp-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of the benchmark's own; its URL. */
async function openBenchDatabase(): Promise<{ url: string; where: string }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    // the admin connection must not be to the database we drop
    const adminUrl = new URL(external).pathname === `/${BENCH_DATABASE}` ? withDatabase(external, 'postgres') : external;
    const recreate = async (create: boolean) =>
      withClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
        if (create) await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
      });
    await recreate(true);
    onCleanup(`drop database ${BENCH_DATABASE}`, () => recreate(false));
    const url = withDatabase(external, BENCH_DATABASE);
    return { url, where: `database ${BENCH_DATABASE} on the DATABASE_URL server` };
  }
  rmSync(DATA_DIR, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres(DATA_DIR, PG_PORT);
  onCleanup('stop embedded PostgreSQL', () => embedded.stop());
  await withClient(embedded.adminUrl, (client) => client.query(`CREATE DATABASE ${BENCH_DATABASE}`));
  return {
    url: withDatabase(embedded.adminUrl, BENCH_DATABASE),
    where: `embedded PostgreSQL on port ${PG_PORT}, data in ${path.relative(process.cwd(), DATA_DIR)}`,
  };
}

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

// ---------------------------------------------------------------- statistics

interface Stats {
  requests: number;
  durationSeconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Exact nearest-rank percentiles over every latency (ms). */
function statistics(latencies: number[], durationSeconds: number): Stats {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return {
    requests: sorted.length,
    durationSeconds,
    rps: sorted.length / durationSeconds,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

interface Scenario {
  key: string;
  label: string;
  body: string;
  /** the checked response: every response under load must equal it */
  expected: string;
}

/** The Authorization header of every GraphQL request (set once the server is up). */
let AUTHORIZATION = '';

/** Loads the GraphQL endpoint with one operation; fails on any error, non-2xx or differing response. */
function cannon(url: string, scenario: Scenario, durationSeconds: number): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
        body: scenario.body,
        connections: CONNECTIONS,
        duration: durationSeconds,
        timeout: 30,
        expectBody: scenario.expected,
        title: scenario.key,
      },
      (error, result) => {
        if (error) return reject(error);
        if (interrupted) return reject(new Error('interrupted'));
        const problems = { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches };
        if (Object.values(problems).some((n) => n > 0)) {
          return reject(new Error(`${scenario.label}: failed requests under load ${JSON.stringify(problems)}`));
        }
        resolve(statistics(latencies, result.duration));
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    stopLoad = () => instance.stop();
  });
}

/** The same for plain SQL: CONNECTIONS loops, each one statement at a time, through a pool of that size. */
async function hammerSql(pool: Pool, sql: string, params: unknown[], durationSeconds: number): Promise<Stats> {
  const latencies: number[] = [];
  const started = performance.now();
  let deadline = started + durationSeconds * 1000;
  stopLoad = () => (deadline = 0);
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const before = performance.now();
        await pool.query(sql, params);
        latencies.push(performance.now() - before);
      }
    }),
  );
  return statistics(latencies, (performance.now() - started) / 1000);
}

// ---------------------------------------------------------------- checks

async function checkIdentifiers(pool: Pool): Promise<string> {
  const { rows: enterprises } = await pool.query<{ credit_code: string }>('SELECT credit_code FROM enterprise');
  for (const { credit_code } of enterprises) {
    const parsed = parseCreditCode(credit_code);
    if (!parsed.ok || parsed.value !== credit_code) throw new Error(`generated credit code ${credit_code} is invalid`);
  }
  const { rows: patents } = await pool.query<{ application_number: string; type: PatentType }>(
    'SELECT application_number, type FROM patent',
  );
  for (const { application_number, type } of patents) {
    const parsed = parseApplicationNumber(application_number);
    if (!parsed.ok || parsed.value !== application_number) {
      throw new Error(`generated application number ${application_number} is invalid`);
    }
    const mismatch = typeDigitMismatch(parsed.typeDigit, type);
    if (mismatch) throw new Error(`generated application number ${application_number}: ${mismatch}`);
  }
  return `${enterprises.length} credit codes and ${patents.length} application numbers pass the app's validators`;
}

function assertSame(what: string, graphql: unknown, sql: unknown): void {
  const [a, b] = [JSON.stringify(graphql), JSON.stringify(sql)];
  if (a !== b) throw new Error(`GraphQL and plain SQL disagree on ${what}:\n  GraphQL: ${a}\n  SQL:     ${b}`);
}

// ---------------------------------------------------------------- output

function table(headers: string[], rows: string[][], alignLeft = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < alignLeft ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (value: number) => value.toFixed(1);

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  log(`hvp-backend benchmark: ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up, ${CONNECTIONS} connections, asOf ${AS_OF}`);

  const database = await openBenchDatabase();
  log(`database: ${database.where}`);

  const dataSource: DataSource = createDataSource({ url: database.url, poolSize: CONNECTIONS });
  await dataSource.initialize();
  onCleanup('close the app DataSource', () => dataSource.destroy());
  const [, migrateMs] = await timed(() => dataSource.runMigrations({ transaction: 'each' }));
  log(`migrations applied in ${seconds(migrateMs)}`);

  // ------------------------------------------------ dataset
  const [steps, generateMs] = await timed(() => generateDataset(database.url));
  log(`\ndataset generated inside PostgreSQL in ${seconds(generateMs)}:`);
  for (const step of steps) log(`  ${step.label.padEnd(52)} ${seconds(step.ms).padStart(8)}`);
  const [, analyzeMs] = await timed(() => withClient(database.url, (client) => client.query('VACUUM (ANALYZE)')));
  log(`  ${'then VACUUM (ANALYZE)'.padEnd(52)} ${seconds(analyzeMs).padStart(8)}`);

  const pool = new Pool({ connectionString: database.url, max: CONNECTIONS, application_name: 'hvp-bench-sql' });
  // pool.end() does not wait for the sockets to close: an idle client may still hear the server shut down
  pool.on('error', () => undefined);
  onCleanup('close the SQL pool', () => pool.end());

  const {
    rows: [counts],
  } = await pool.query<Record<string, number>>(`
    SELECT (SELECT count(*) FROM county)::int AS counties, (SELECT count(*) FROM plan)::int AS plans,
           (SELECT count(*) FROM plan_breakthrough_target)::int AS "breakthrough targets",
           (SELECT count(*) FROM enterprise)::int AS enterprises,
           (SELECT count(*) FROM enterprise_membership)::int AS memberships,
           (SELECT count(*) FROM patent)::int AS patents, (SELECT count(*) FROM patent_owner)::int AS "patent owners",
           (SELECT count(*) FROM patent_overseas_grant)::int AS "overseas grants",
           (SELECT count(*) FROM patent_award)::int AS awards,
           (SELECT count(*) FROM pledge_financing)::int AS "pledge financings",
           (SELECT count(*) FROM pledge_financing_patent)::int AS "pledged patents"`);
  const {
    rows: [big],
  } = await pool.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM enterprise WHERE county_code = $1)::int AS enterprises,
            (SELECT count(*) FROM patent WHERE county_code = $1)::int AS patents,
            (SELECT count(*) FROM patent_owner po JOIN patent p ON p.id = po.patent_id
              WHERE p.county_code = $1 AND po.position > 1)::int AS "joint owners",
            (SELECT count(DISTINCT m.enterprise_id) FROM enterprise_membership m JOIN enterprise e ON e.id = m.enterprise_id
              WHERE e.county_code = $1 AND m.valid_to < $2::date)::int AS "enterprises with an expired membership"`,
    [BIG_COUNTY, AS_OF],
  );
  log(`\nrow counts (all counties):`);
  log(
    table(
      ['table', 'rows'],
      Object.entries(counts).map(([name, n]) => [name, String(n)]),
    ),
  );
  log(
    `\ncounty ${BIG_COUNTY} ${BIG_COUNTY_NAME}: ${Object.entries(big)
      .map(([name, n]) => `${n} ${name}`)
      .join(', ')}`,
  );

  const { rows: memberships } = await pool.query<{ category: string; valid: number; expired: number; later: number }>(
    `SELECT m.category, count(*) FILTER (WHERE m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to >= $2::date))::int AS valid,
            count(*) FILTER (WHERE m.valid_to < $2::date)::int AS expired, count(*) FILTER (WHERE m.valid_from > $2::date)::int AS later
       FROM enterprise_membership m JOIN enterprise e ON e.id = m.enterprise_id
      WHERE e.county_code = $1 GROUP BY m.category ORDER BY m.category`,
    [BIG_COUNTY, AS_OF],
  );
  log(
    `memberships on ${AS_OF}: ${memberships.map((m) => `${m.category} ${m.valid} valid, ${m.expired} expired, ${m.later} not yet started`).join('; ')}`,
  );
  const {
    rows: [coverage],
  } = await pool.query<Record<string, number>>(REASON_COVERAGE_SQL, [BIG_COUNTY, AS_OF]);
  const { 'valid inventions': validInventions, 'pledged below the threshold': pledgedBelow, ...reasons } = coverage;
  log(
    `${validInventions} valid invention patents on ${AS_OF}; how many each reason makes high-value: ` +
      `${Object.entries(reasons)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ')}; ${pledgedBelow} more pledged only below the threshold`,
  );
  const missing = Object.entries(reasons).filter(([, n]) => n === 0);
  if (missing.length || !pledgedBelow) throw new Error(`the dataset lacks high-value reasons: ${JSON.stringify(coverage)}`);
  log(await checkIdentifiers(pool));
  const {
    rows: [fingerprint],
  } = await pool.query<{ md5: string }>(
    `SELECT md5(string_agg(md5(p::text) || coalesce(o.owners, ''), '' ORDER BY p.id)) AS md5
       FROM patent p LEFT JOIN (SELECT patent_id, string_agg(enterprise_id || ':' || position, ',' ORDER BY position) AS owners
                                  FROM patent_owner GROUP BY patent_id) o ON o.patent_id = p.id`,
  );
  log(`dataset fingerprint (patents and their owners): ${fingerprint.md5}`);

  const {
    rows: [profile],
  } = await pool.query<{ id: number; credit_code: string; patents: number }>(
    `SELECT e.id, e.credit_code, count(*)::int AS patents
       FROM enterprise e JOIN patent_owner po ON po.enterprise_id = e.id
      WHERE e.county_code = $1
        AND EXISTS (SELECT 1 FROM enterprise_membership m WHERE m.enterprise_id = e.id
                       AND m.valid_from <= $2::date AND (m.valid_to IS NULL OR m.valid_to >= $2::date))
      GROUP BY e.id ORDER BY count(*) DESC, e.credit_code LIMIT 1`,
    [BIG_COUNTY, AS_OF],
  );
  if (!profile) throw new Error('no enterprise with a valid membership owns patents');

  // ------------------------------------------------ server
  // the bench handles SIGINT/SIGTERM itself; Apollo's own handler would re-raise the signal and kill the process
  // before the embedded PostgreSQL is stopped
  const apollo: ApolloServer<Context> = await createApolloServer({ stopOnTerminationSignals: false });
  onCleanup('stop Apollo', () => apollo.stop());
  // the production request path (statement timeout included); in-flight requests are counted so that each run
  // starts only once the previous one's last requests have finished, and so that clean-up waits for them
  // as in production: the pool logs in as an application role (Row Level Security holds), callers send a token;
  // the caller is a VIEWER of the big county, so every statement runs through that county's policies
  const appDataSource = createDataSource({
    url: await ensureAppLoginRole(database.url, 'hvp_bench_app', 'hvp_bench_app'),
    poolSize: CONNECTIONS,
  });
  await appDataSource.initialize();
  onCleanup('close the application pool', () => appDataSource.destroy());
  const jwtSecret = randomBytes(48).toString('base64url');
  const authenticate = createAuthenticator({ jwtSecret, jwksUrl: null, jwtIssuer: null, jwtAudience: null }, appDataSource);
  AUTHORIZATION = `Bearer ${await signToken(jwtSecret, { sub: 'bench', role: Role.VIEWER, counties: [BIG_COUNTY] }, 24 * 3600)}`;
  const handler = createHttpHandler({
    apollo,
    dataSource: appDataSource,
    authenticate,
    databaseOptions: { statementTimeoutMs: loadConfig().statementTimeoutMs },
  });
  let inFlight = 0;
  const server = http.createServer((request, response) => {
    inFlight++;
    // the handler's promise settles after the request's transaction has ended, even when the client has gone
    void Promise.resolve(handler(request, response) as unknown).finally(() => inFlight--);
  });
  const drained = async () => {
    const since = Date.now();
    while (inFlight > 0 && Date.now() - since < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup('stop the HTTP server', async () => {
    const closed = new Promise((resolve) => server.close(resolve)); // no new connections
    server.closeIdleConnections();
    await drained();
    server.closeAllConnections();
    await closed;
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  log(`\nGraphQL server at ${endpoint}`);

  const scenario = async <T>(key: string, label: string, query: string, variables: Record<string, unknown>) => {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
      body,
    });
    const text = await response.text();
    const result = JSON.parse(text) as GraphQLResponse<T>;
    if (!response.ok || result.errors?.length || !result.data) {
      throw new Error(`${label} failed (HTTP ${response.status}): ${text.slice(0, 2000)}`);
    }
    return { scenario: { key, label, body, expected: text } as Scenario, data: result.data };
  };

  const a = await scenario<TargetGapsData>('a', `(a) targetGaps(countyCode: "${BIG_COUNTY}", first: 50)`, TARGET_GAPS_QUERY, {
    countyCode: BIG_COUNTY,
    asOf: AS_OF,
  });
  const b = await scenario<CountySummaryData>(
    'b',
    `(b) county("${BIG_COUNTY}") breakthroughSummary + highValuePatentCount`,
    COUNTY_SUMMARY_QUERY,
    {
      countyCode: BIG_COUNTY,
      asOf: AS_OF,
    },
  );
  const c = await scenario<EnterpriseProfileData>(
    'c',
    `(c) enterprise("${profile.credit_code}") profile, patents(first: 20)`,
    ENTERPRISE_PROFILE_QUERY,
    {
      creditCode: profile.credit_code,
      asOf: AS_OF,
    },
  );

  // ------------------------------------------------ GraphQL and plain SQL give the same answers
  const sqlA = (await pool.query(TARGET_GAPS_SQL, [BIG_COUNTY, AS_OF])).rows;
  const gaps = a.data.targetGaps;
  if (gaps.edges.length === 0) throw new Error('(a) returned no target gaps');
  assertSame('(a) totalCount', gaps.totalCount, sqlA[0]?.totalCount ?? 0);
  assertSame(
    '(a) the first page',
    gaps.edges.map(({ node: n }) => [n.enterprise.creditCode, n.enterprise.name, n.category, n.target, n.current, n.gap, n.met]),
    sqlA.map((r) => [r.creditCode, r.name, r.category, r.target, r.current, r.gap, r.met]),
  );

  const sqlB = (await pool.query<SummaryRow & { highValuePatentCount: number }>(COUNTY_SUMMARY_SQL, [BIG_COUNTY, AS_OF])).rows;
  const county = b.data.county;
  if (!county || county.breakthroughSummary.length !== 3) throw new Error(`(b) unexpected answer: ${b.scenario.expected}`);
  assertSame('(b) highValuePatentCount', county.highValuePatentCount, sqlB[0].highValuePatentCount);
  assertSame(
    '(b) breakthroughSummary',
    county.breakthroughSummary,
    sqlB.map(({ highValuePatentCount: _, ...row }) => row),
  );

  const enterprise = c.data.enterprise;
  if (!enterprise || enterprise.patents.edges.length !== 20)
    throw new Error(`(c) unexpected answer: ${c.scenario.expected.slice(0, 2000)}`);
  const sqlC = (await pool.query<{ n: number }>(ENTERPRISE_HIGH_VALUE_SQL, [profile.id, AS_OF])).rows[0].n;
  assertSame('(c) highValuePatentCount', enterprise.highValuePatentCount, sqlC);
  for (const gap of enterprise.targetGaps) assertSame(`(c) targetGaps ${gap.category} current`, gap.current, sqlC);

  log(`\nGraphQL and plain SQL match:`);
  log(`  (a) totalCount ${gaps.totalCount} gap rows, and the first page of ${gaps.edges.length} rows row for row`);
  log(
    `  (b) highValuePatentCount ${county.highValuePatentCount}; breakthroughSummary ` +
      county.breakthroughSummary
        .map((s) => `${s.category} target ${s.target}: ${s.enterpriseCount} enterprises, ${s.metCount} met, total gap ${s.totalGap}`)
        .join('; '),
  );
  log(
    `  (c) ${enterprise.creditCode} (${profile.patents} patents): highValuePatentCount ${enterprise.highValuePatentCount}, ` +
      `categories ${enterprise.categories.join('/')}, ${enterprise.targetGaps.length} target gaps`,
  );

  // ------------------------------------------------ one request at a time
  const SERIAL_RUNS = 5;
  const serial = async (run: () => Promise<unknown>) => {
    await run();
    const latencies: number[] = [];
    for (let i = 0; i < SERIAL_RUNS; i++) latencies.push((await timed(run))[1]);
    return statistics(latencies, 1).p50;
  };
  const post = (s: Scenario) => () =>
    fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTHORIZATION }, body: s.body }).then(
      (r) => r.text(),
    );
  const params = [BIG_COUNTY, AS_OF];
  const unloaded: Record<string, { graphql: number; sql?: number }> = {
    a: { graphql: await serial(post(a.scenario)), sql: await serial(() => pool.query(TARGET_GAPS_SQL, params)) },
    b: { graphql: await serial(post(b.scenario)), sql: await serial(() => pool.query(COUNTY_SUMMARY_SQL, params)) },
    c: { graphql: await serial(post(c.scenario)) },
  };

  // ------------------------------------------------ load
  const results: { label: string; path: 'GraphQL' | 'SQL'; key: string; stats: Stats }[] = [];
  const runGraphql = async (s: Scenario) => {
    assertNotInterrupted();
    if (WARMUP_SECONDS) {
      await cannon(endpoint, s, WARMUP_SECONDS);
      await drained();
    }
    const stats = await cannon(endpoint, s, SECONDS);
    await drained();
    if (stats.requests === 0) throw new Error(`${s.label}: no response within ${SECONDS} s; raise BENCH_SECONDS`);
    results.push({ label: s.label, path: 'GraphQL', key: s.key, stats });
    log(`  ${s.label}: GraphQL ${stats.requests} requests, ${stats.rps.toFixed(1)} req/s, p95 ${ms(stats.p95)} ms`);
  };
  const runSql = async (s: Scenario, sql: string) => {
    assertNotInterrupted();
    if (WARMUP_SECONDS) await hammerSql(pool, sql, params, WARMUP_SECONDS);
    const stats = await hammerSql(pool, sql, params, SECONDS);
    assertNotInterrupted();
    results.push({ label: s.label, path: 'SQL', key: s.key, stats });
    log(`  ${s.label}: plain SQL ${stats.requests} statements, ${stats.rps.toFixed(1)} req/s, p95 ${ms(stats.p95)} ms`);
  };
  log(`\nload (${CONNECTIONS} concurrent connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up):`);
  await runGraphql(a.scenario);
  await runSql(a.scenario, TARGET_GAPS_SQL);
  await runGraphql(b.scenario);
  await runSql(b.scenario, COUNTY_SUMMARY_SQL);
  await runGraphql(c.scenario);

  const rows = results.map(({ label, path: via, key, stats }) => {
    const sql = results.find((r) => r.key === key && r.path === 'SQL');
    const ratio = via === 'GraphQL' && sql ? `${(stats.p95 / sql.stats.p95).toFixed(2)}x` : '';
    const alone = via === 'GraphQL' ? unloaded[key].graphql : unloaded[key].sql!;
    return [
      via === 'GraphQL' ? label : '',
      via,
      String(stats.requests),
      stats.rps.toFixed(1),
      ms(stats.p50),
      ms(stats.p95),
      ms(stats.p99),
      ratio,
      ms(alone),
    ];
  });
  log(`\nresults: ${CONNECTIONS} connections, ${SECONDS} s per run; latencies in ms, exact percentiles over every request of the run;`);
  log(`"alone": median of ${SERIAL_RUNS} requests sent one at a time, without load`);
  log(table(['query', 'path', 'requests', 'req/s', 'p50', 'p95', 'p99', 'GraphQL p95 / SQL p95', 'alone'], rows, 2));
  log(
    `\ngeneration: ${seconds(generateMs)} for ${counts.enterprises} enterprises and ${counts.patents} patents in ${counts.counties} counties ` +
      `(+ ${seconds(analyzeMs)} VACUUM ANALYZE)`,
  );
}

main()
  .then(async () => {
    await cleanUp();
    process.exit(0);
  })
  .catch(async (error) => {
    console.error('\nbenchmark failed:', error instanceof Error ? error.message : error);
    if (error instanceof Error && error.stack) console.error(error.stack.split('\n').slice(1, 6).join('\n'));
    await cleanUp();
    process.exit(1);
  });
