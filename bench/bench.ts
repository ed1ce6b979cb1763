/**
 * `npm run bench`: what the questions officials ask most cost, and how that cost grows with the database.
 *
 * For each scale of BENCH_SCALES (default `county,national`, bench/generate.ts):
 *  1. A database of its own: without DATABASE_URL an embedded PostgreSQL in .data/bench-postgres (wiped first) on
 *     BENCH_PG_PORT (54349); with DATABASE_URL a database `hvp_bench` on that server (dropped first and at the end).
 *     Migrated, then the dataset generated inside PostgreSQL, then VACUUM ANALYZE.
 *  2. Two server processes (`node dist/src/main.js`, production settings, a pool of BENCH_CONNECTIONS, logging as the
 *     application role so Row Level Security holds): one keeping county-wide figures (FIGURE_CACHE_MB =
 *     BENCH_FIGURE_CACHE_MB, 64) and one keeping none (FIGURE_CACHE_MB=0: what every figure costs to compute).
 *  3. Each question is asked once and its answer checked against hand-written SQL (bench/queries.ts, written from the
 *     contract, on the base tables); then timed alone (median of 15 requests one at a time, the paths taking turns)
 *     and under load (autocannon, BENCH_CONNECTIONS connections, two rounds of BENCH_SECONDS, the paths taking
 *     turns, each round after BENCH_WARMUP_SECONDS): as the county's VIEWER and as an ADMIN of every county on the
 *     server that keeps figures, as the VIEWER on the one that keeps none, and the plain SQL through a pg.Pool of the
 *     same size. Every answer under load must equal the checked one.
 *  4. The keeping server's RSS before and after its load; a table; clean-up (also on SIGINT/SIGTERM).
 * At the end, the cost of the 1,200-patent county at both scales side by side.
 *
 * Every question asks about a fixed day, AS_OF, so figures and answers are the same on every run.
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { withClient } from '../src/db/client';
import { migrate } from '../src/db/database';
import { startEmbeddedPostgres, withDatabase } from '../src/db/embedded';
import { ensureAppLoginRole } from '../src/db/roles';
import { freePort } from '../src/ops/free-port';
import { AS_OF, BIG_COUNTY, generateDataset, Scale, SMALL_COUNTY } from './generate';
import {
  COMPARISON_QUERY,
  COMPARISON_SQL,
  ComparisonData,
  COUNTY_SUMMARY_QUERY,
  COUNTY_SUMMARY_SQL,
  CountySummaryData,
  ENTERPRISE_PROFILE_QUERY,
  ENTERPRISE_PROFILE_SQL,
  EnterpriseProfileData,
  INDICATORS_QUERY,
  INDICATORS_SQL,
  IndicatorsData,
  NESTED_READ_QUERY,
  NESTED_READ_SQL,
  NestedReadData,
  REASON_COVERAGE_SQL,
  SummaryRow,
  TARGET_GAPS_QUERY,
  TARGET_GAPS_SQL,
  TargetGapsData,
} from './queries';
import { integerEnv } from './settings';
import { seededRandom } from '../src/seed/random';

// ---------------------------------------------------------------- settings

const SECONDS = integerEnv('BENCH_SECONDS', 5, 1);
const WARMUP_SECONDS = integerEnv('BENCH_WARMUP_SECONDS', 1, 0);
const CONNECTIONS = integerEnv('BENCH_CONNECTIONS', 16, 1);
const PG_PORT = integerEnv('BENCH_PG_PORT', 54349, 1);
const FIGURE_CACHE_MB = integerEnv('BENCH_FIGURE_CACHE_MB', 64, 1);
const SCALES = (process.env.BENCH_SCALES || 'county,national').split(',').map((scale) => {
  if (scale !== 'county' && scale !== 'national') throw new Error(`BENCH_SCALES holds county and national, got "${scale}"`);
  return scale as Scale;
});
const ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.data', 'bench-postgres');
const BENCH_DATABASE = 'hvp_bench';
const SINGLE_RUNS = 15;
const LOAD_ROUNDS = 2;

// ---------------------------------------------------------------- clean-up

let cleanups: (() => Promise<unknown>)[] = [];
let interrupted = false;
let stopLoad: (() => void) | null = null;

async function cleanUp(): Promise<void> {
  const pending = cleanups.reverse();
  cleanups = [];
  for (const run of pending) await run().catch((error) => console.error('clean-up failed:', error));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the load and cleaning up (again to exit at once)`);
    stopLoad?.();
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- helpers

const log = (message: string) => console.log(message);
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** A database of the benchmark's own, fresh: its owner's URL (a superuser: the generator turns triggers off). */
async function openBenchDatabase(): Promise<{ url: string; where: string }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const adminUrl = new URL(external).pathname === `/${BENCH_DATABASE}` ? withDatabase(external, 'postgres') : external;
    const recreate = (create: boolean) =>
      withClient(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
        if (create) await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
      });
    await recreate(true);
    cleanups.push(() => recreate(false));
    return { url: withDatabase(external, BENCH_DATABASE), where: `database ${BENCH_DATABASE} on the DATABASE_URL server` };
  }
  rmSync(DATA_DIR, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres(DATA_DIR, PG_PORT);
  cleanups.push(() => embedded.stop());
  await withClient(embedded.adminUrl, (client) => client.query(`CREATE DATABASE ${BENCH_DATABASE}`));
  return { url: withDatabase(embedded.adminUrl, BENCH_DATABASE), where: `embedded PostgreSQL on port ${PG_PORT}` };
}

// ---------------------------------------------------------------- the server processes

interface Server {
  endpoint: string;
  child: ChildProcess;
}

async function startServer(ownerUrl: string, appUrl: string, jwtSecret: string, figureCacheMb: number): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATABASE_URL: ownerUrl,
      APP_DATABASE_URL: appUrl,
      JWT_SECRET: jwtSecret,
      DATABASE_POOL_SIZE: String(CONNECTIONS),
      FIGURE_CACHE_MB: String(figureCacheMb),
      // the rate limit stays on (its cost is in the figures) with a budget the load never reaches
      RATE_LIMIT_POINTS_PER_MINUTE: '1000000000',
      RATE_LIMIT_BURST: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`the server was not ready within 120 s:\n${stderr}`);
    if (
      await fetch(`${url}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(200);
  }
  return { endpoint: `${url}/graphql`, child };
}

/** The process's resident memory now and at its peak (MiB), from /proc. */
function memoryOf(child: ChildProcess): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

// ---------------------------------------------------------------- measuring

interface Stats {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
}

function statistics(latencies: number[], durationSeconds: number): Stats {
  const sorted = Float64Array.from(latencies).sort();
  const at = (p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return { requests: sorted.length, rps: sorted.length / durationSeconds, p50: at(50), p95: at(95) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface GraphqlCall {
  endpoint: string;
  authorization: string;
  body: string;
  /** the checked answer: every answer under load must be the same */
  expected: string;
}

async function post(call: GraphqlCall): Promise<string> {
  const response = await fetch(call.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: call.authorization },
    body: call.body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  return text;
}

/**
 * The paths taking turns: `rounds` rounds of one `measure` of each path, so that a drift of the machine (another
 * process, the CPU's clock) weighs on every path alike, not on whichever ran last. Each round takes them in an order
 * of its own (shuffled, the same in every run), so no path always follows the same one: the path right after the
 * plain SQL of the big county (hundreds of ms of work for the database) answered 1.5 ms slower alone than the same
 * work elsewhere. Each path's measures in order.
 */
async function inTurns<K extends string, P, M>(
  paths: Record<K, P>,
  rounds: number,
  measure: (path: P) => Promise<M>,
): Promise<Record<K, M[]>> {
  const entries = Object.entries(paths) as [K, P][];
  const measured = Object.fromEntries(entries.map(([key]) => [key, [] as M[]])) as Record<K, M[]>;
  const random = seededRandom(rounds);
  for (let round = 0; round < rounds; round++) {
    const order = entries.map((entry) => ({ entry, rank: random.next() })).sort((a, b) => a.rank - b.rank);
    for (const { entry } of order) {
      const [key, path] = entry;
      measured[key].push(await measure(path));
    }
  }
  return measured;
}

const eachOf = <K extends string, A, B>(values: Record<K, A>, map: (value: A) => B): Record<K, B> =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, map(value as A)])) as Record<K, B>;

/** Each path's median alone (one request at a time, after one to warm up), SINGLE_RUNS rounds in turns. */
async function alone<K extends string>(paths: Record<K, () => Promise<unknown>>): Promise<Record<K, number>> {
  await inTurns(paths, 1, (run) => run());
  return eachOf(await inTurns(paths, SINGLE_RUNS, async (run) => (await timed(run))[1]), median);
}

/** The latencies (ms) of one load, and how long it lasted (s). */
interface Sample {
  latencies: number[];
  seconds: number;
}

function cannon(call: GraphqlCall, durationSeconds: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: call.endpoint,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: call.authorization },
        body: call.body,
        connections: CONNECTIONS,
        duration: durationSeconds,
        timeout: 30,
        expectBody: call.expected,
      },
      (error, result) => {
        stopLoad = null;
        if (error) return reject(error);
        if (interrupted) return reject(new Error('interrupted'));
        const problems = { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches };
        if (Object.values(problems).some((n) => n > 0)) return reject(new Error(`failed requests under load ${JSON.stringify(problems)}`));
        resolve({ latencies, seconds: result.duration });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    stopLoad = () => instance.stop();
  });
}

function hammerSql(pool: Pool, sql: string, params: unknown[]): (durationSeconds: number) => Promise<Sample> {
  return async (durationSeconds) => {
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
    return { latencies, seconds: (performance.now() - started) / 1000 };
  };
}

/**
 * Each path under load, LOAD_ROUNDS rounds in turns: in each a warm-up, then BENCH_SECONDS of load (a shorter share
 * would count nothing of a path whose requests take seconds); a path's figures are over all its rounds.
 */
async function underLoad<K extends string>(paths: Record<K, (seconds: number) => Promise<Sample>>): Promise<Record<K, Stats>> {
  const samples = await inTurns(paths, LOAD_ROUNDS, async (load) => {
    if (WARMUP_SECONDS) await load(WARMUP_SECONDS);
    return load(SECONDS);
  });
  return eachOf(samples, (all) =>
    statistics(
      all.flatMap((sample) => sample.latencies),
      all.reduce((sum, sample) => sum + sample.seconds, 0),
    ),
  );
}

function assertSame(what: string, graphql: unknown, sql: unknown): void {
  const [a, b] = [JSON.stringify(graphql), JSON.stringify(sql)];
  if (a !== b)
    throw new Error(`GraphQL and plain SQL disagree on ${what}:\n  GraphQL: ${a.slice(0, 2000)}\n  SQL:     ${b.slice(0, 2000)}`);
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

function table(headers: string[], rows: string[][], alignLeft = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < alignLeft ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- the questions

interface Question {
  key: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** the counties of the VIEWER who asks it */
  viewerCounties: string[];
  sql: string;
  params: unknown[];
  /** compares the GraphQL answer with the plain SQL's rows; throws when they disagree; says what matched */
  check(data: unknown, rows: Record<string, unknown>[]): string;
}

async function questions(pool: Pool): Promise<Question[]> {
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
  const summary = (county: string): Question => ({
    key: `summary ${county}`,
    label: `county("${county}") { highValuePatentCount breakthroughSummary }`,
    query: COUNTY_SUMMARY_QUERY,
    variables: { countyCode: county, asOf: AS_OF },
    viewerCounties: [county],
    sql: COUNTY_SUMMARY_SQL,
    params: [county, AS_OF],
    check(data, rows) {
      const { county: answer } = data as CountySummaryData;
      const sqlRows = rows as unknown as (SummaryRow & { highValuePatentCount: number })[];
      assertSame('highValuePatentCount', answer?.highValuePatentCount, sqlRows[0]?.highValuePatentCount ?? 0);
      assertSame(
        'breakthroughSummary',
        answer?.breakthroughSummary,
        sqlRows.filter((row) => row.category).map(({ highValuePatentCount: _, ...row }) => row),
      );
      return `${answer!.highValuePatentCount} high-value patents; ${answer!.breakthroughSummary
        .map((s) => `${s.category} ${s.metCount}/${s.enterpriseCount} met`)
        .join(', ')}`;
    },
  });
  return [
    summary(BIG_COUNTY),
    summary(SMALL_COUNTY),
    {
      key: 'targetGaps',
      label: `targetGaps(countyCode: "${BIG_COUNTY}", first: 50)`,
      query: TARGET_GAPS_QUERY,
      variables: { countyCode: BIG_COUNTY, asOf: AS_OF },
      viewerCounties: [BIG_COUNTY],
      sql: TARGET_GAPS_SQL,
      params: [BIG_COUNTY, AS_OF],
      check(data, rows) {
        const { targetGaps } = data as TargetGapsData;
        assertSame('totalCount', targetGaps.totalCount, rows[0]?.totalCount);
        assertSame(
          'the first page',
          targetGaps.edges.map(({ node }) => [node.enterprise.creditCode, node.category, node.current, node.gap]),
          rows.map((row) => [row.creditCode, row.category, row.current, row.gap]),
        );
        return `${targetGaps.totalCount} gap rows, the first ${targetGaps.edges.length} row for row`;
      },
    },
    {
      key: 'profile',
      label: `enterprise("${profile.credit_code}") profile, patents(first: 20)`,
      query: ENTERPRISE_PROFILE_QUERY,
      variables: { creditCode: profile.credit_code, asOf: AS_OF },
      viewerCounties: [BIG_COUNTY],
      sql: ENTERPRISE_PROFILE_SQL,
      params: [profile.id, AS_OF],
      check(data, [row]) {
        const { enterprise } = data as EnterpriseProfileData;
        assertSame('highValuePatentCount', enterprise?.highValuePatentCount, row.highValue);
        for (const gap of enterprise!.targetGaps) assertSame(`targetGaps ${gap.category} current`, gap.current, row.highValue);
        assertSame('patents totalCount', enterprise!.patents.totalCount, row.total);
        assertSame(
          'the first 20 patents',
          enterprise!.patents.edges.map(({ node }) => ({
            applicationNumber: node.applicationNumber,
            highValueReasons: node.highValueReasons,
          })),
          row.patents,
        );
        return `${profile.patents} patents, ${row.highValue} high-value, the first 20 with their reasons`;
      },
    },
    {
      key: 'nested',
      label: `county("${BIG_COUNTY}") → enterprises(first: 50) → patents(first: 10)`,
      query: NESTED_READ_QUERY,
      variables: { countyCode: BIG_COUNTY },
      viewerCounties: [BIG_COUNTY],
      sql: NESTED_READ_SQL,
      params: [BIG_COUNTY],
      check(data, [row]) {
        const enterprises = (data as NestedReadData).county!.enterprises;
        const sqlEnterprises = row.enterprises as {
          creditCode: string;
          patentCount: number;
          patents: { applicationNumber: string }[] | null;
        }[];
        assertSame('enterprises totalCount', enterprises.totalCount, row.totalCount);
        assertSame(
          'the page',
          enterprises.edges.map(({ node }) => [
            node.creditCode,
            node.patents.totalCount,
            node.patents.edges.map((e) => e.node.applicationNumber),
          ]),
          sqlEnterprises.map((e) => [e.creditCode, e.patentCount, (e.patents ?? []).map((p) => p.applicationNumber)]),
        );
        return `${enterprises.totalCount} enterprises, a page of ${enterprises.edges.length} with their patents`;
      },
    },
    {
      key: 'indicators',
      label: `county("${BIG_COUNTY}") { indicators }`,
      query: INDICATORS_QUERY,
      variables: { countyCode: BIG_COUNTY, asOf: AS_OF },
      viewerCounties: [BIG_COUNTY],
      sql: INDICATORS_SQL,
      params: [BIG_COUNTY, AS_OF],
      check(data, [row]) {
        const values = (data as IndicatorsData).county!.indicators;
        assertSame(
          'indicators',
          values.map((v) => [v.kind, round(v.actual)]),
          values.map((v) => [v.kind, round(row[v.kind] as number)]),
        );
        return values.map((v) => `${v.kind} ${round(v.actual)}`).join(', ');
      },
    },
    {
      key: 'comparison',
      label: 'indicatorComparison(parentCode: "500000", HIGH_VALUE_PATENTS_PER_10K_RESIDENTS)',
      query: COMPARISON_QUERY,
      variables: { parentCode: '500000', asOf: AS_OF },
      viewerCounties: ['500000'],
      sql: COMPARISON_SQL,
      params: ['500000', AS_OF],
      check(data, rows) {
        const ranked = (data as ComparisonData).indicatorComparison.filter((row) => row.value?.actual != null);
        assertSame(
          'the ranked counties',
          ranked.map((row) => [row.county.code, round(row.value!.actual)]),
          rows.map((row) => [row.code, round(row.actual as number)]),
        );
        return `${ranked.length} counties ranked`;
      },
    },
  ];
}

// ---------------------------------------------------------------- one scale

interface Measured {
  question: Question;
  /** what its check said of the answer */
  answer: string;
  single: { cold: number; viewer: number; admin: number; sql: number };
  load: { viewer: Stats; admin: Stats; cold: Stats; sql: Stats };
}

async function benchScale(scale: Scale): Promise<Measured[]> {
  log(`\n==== ${scale} scale ====`);
  const database = await openBenchDatabase();
  log(`database: ${database.where}`);
  const [, migrateMs] = await timed(() => migrate(database.url));
  const [steps, generateMs] = await timed(() => generateDataset(database.url, scale));
  const [, analyzeMs] = await timed(() => withClient(database.url, (client) => client.query('VACUUM (ANALYZE)')));
  log(
    `migrated in ${seconds(migrateMs)}; generated inside PostgreSQL in ${seconds(generateMs)}, then VACUUM ANALYZE in ${seconds(analyzeMs)}:`,
  );
  for (const step of steps) log(`  ${step.label.padEnd(70)} ${seconds(step.ms).padStart(8)}`);

  const pool = new Pool({ connectionString: database.url, max: CONNECTIONS, application_name: 'hvp-bench-sql' });
  pool.on('error', () => undefined);
  cleanups.push(() => pool.end());
  const {
    rows: [counts],
  } = await pool.query<Record<string, number>>(`
    SELECT (SELECT count(*) FROM county)::int AS counties, (SELECT count(*) FROM enterprise)::int AS enterprises,
           (SELECT count(*) FROM patent)::int AS patents, (SELECT count(*) FROM patent_owner)::int AS "patent owners",
           (SELECT count(*) FROM invention_span)::int AS "invention spans",
           (SELECT count(*) FROM enterprise_high_value)::int AS "enterprise count steps",
           (SELECT count(*) FROM pledge_financing)::int AS "pledge financings",
           (SELECT count(*) FROM patent WHERE county_code = '${BIG_COUNTY}')::int AS "patents of ${BIG_COUNTY}",
           (SELECT count(*) FROM patent WHERE county_code = '${SMALL_COUNTY}')::int AS "patents of ${SMALL_COUNTY}"`);
  log(
    Object.entries(counts)
      .map(([name, n]) => `${n} ${name}`)
      .join(', '),
  );
  const {
    rows: [coverage],
  } = await pool.query<Record<string, number>>(REASON_COVERAGE_SQL, [BIG_COUNTY, AS_OF]);
  if (Object.values(coverage).some((n) => n === 0)) throw new Error(`the dataset lacks a high-value reason: ${JSON.stringify(coverage)}`);
  log(`every high-value reason occurs in ${BIG_COUNTY}: ${JSON.stringify(coverage)}`);

  const jwtSecret = randomBytes(48).toString('base64url');
  const appUrl = await ensureAppLoginRole(database.url, 'hvp_bench_app', randomBytes(18).toString('base64url'));
  const keeping = await startServer(database.url, appUrl, jwtSecret, FIGURE_CACHE_MB);
  const computing = await startServer(database.url, appUrl, jwtSecret, 0);
  const bearer = async (role: Role, counties: string[]) =>
    `Bearer ${await signToken(jwtSecret, { sub: `bench-${role.toLowerCase()}`, role, counties }, 12 * 3600)}`;
  const admin = await bearer(Role.ADMIN, ['*']);

  const list = await questions(pool);
  log(`\nanswers, checked against the plain SQL:`);
  const calls = new Map<Question, { viewer: GraphqlCall; admin: GraphqlCall; cold: GraphqlCall }>();
  const answers = new Map<Question, string>();
  for (const question of list) {
    const body = JSON.stringify({ query: question.query, variables: question.variables });
    const viewer = await bearer(Role.VIEWER, question.viewerCounties);
    const answer = await post({ endpoint: keeping.endpoint, authorization: viewer, body, expected: '' });
    const parsed = JSON.parse(answer) as { data?: unknown; errors?: unknown };
    if (parsed.errors) throw new Error(`${question.label}: ${answer.slice(0, 2000)}`);
    const { rows } = await pool.query(question.sql, question.params);
    answers.set(question, question.check(parsed.data, rows));
    log(`  ${question.key}: ${answers.get(question)}`);
    const cold = await post({ endpoint: computing.endpoint, authorization: viewer, body, expected: '' });
    const asAdmin = await post({ endpoint: keeping.endpoint, authorization: admin, body, expected: '' });
    if (cold !== answer || asAdmin !== answer) throw new Error(`${question.label}: the servers, or the VIEWER and the ADMIN, disagree`);
    calls.set(question, {
      viewer: { endpoint: keeping.endpoint, authorization: viewer, body, expected: answer },
      admin: { endpoint: keeping.endpoint, authorization: admin, body, expected: answer },
      cold: { endpoint: computing.endpoint, authorization: viewer, body, expected: answer },
    });
  }

  const before = memoryOf(keeping.child);
  const measured: Measured[] = [];
  log(
    `\nload: ${CONNECTIONS} connections; ${LOAD_ROUNDS} rounds, the paths in turns, each ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up`,
  );
  for (const question of list) {
    const call = calls.get(question)!;
    const single = await alone({
      viewer: () => post(call.viewer),
      admin: () => post(call.admin),
      cold: () => post(call.cold),
      sql: () => pool.query(question.sql, question.params),
    });
    const load = await underLoad({
      viewer: (seconds) => cannon(call.viewer, seconds),
      admin: (seconds) => cannon(call.admin, seconds),
      cold: (seconds) => cannon(call.cold, seconds),
      sql: hammerSql(pool, question.sql, question.params),
    });
    log(
      `  ${question.key}: ${load.viewer.rps.toFixed(0)} req/s (kept), ${load.cold.rps.toFixed(0)} req/s (computed), SQL ${load.sql.rps.toFixed(0)}`,
    );
    measured.push({ question, answer: answers.get(question)!, single, load });
  }
  const after = memoryOf(keeping.child);

  const rows = measured.flatMap(({ question, single, load }) => {
    const row = (path: string, alone: number, stats: Stats, first: boolean) => [
      first ? question.key : '',
      path,
      ms(alone),
      stats.rps.toFixed(1),
      ms(stats.p50),
      ms(stats.p95),
    ];
    return [
      row('VIEWER, figures kept', single.viewer, load.viewer, true),
      row('ADMIN *, figures kept', single.admin, load.admin, false),
      row('VIEWER, computed', single.cold, load.cold, false),
      row('plain SQL', single.sql, load.sql, false),
    ];
  });
  log(
    `\n${scale} scale: ${counts.patents} patents in ${counts.counties} counties; latencies in ms; "alone": median of ${SINGLE_RUNS} requests one at a time, the paths taking turns`,
  );
  log(table(['question', 'path', 'alone', 'req/s', 'p50', 'p95'], rows, 2));
  log(
    `server RSS (figures kept): ${before.rss.toFixed(0)} MiB before the load, ${after.rss.toFixed(0)} MiB after, peak ${after.peak.toFixed(0)} MiB`,
  );
  await cleanUp();
  return measured;
}

async function main(): Promise<void> {
  log(`hvp-backend benchmark: scales ${SCALES.join(', ')}; ${CONNECTIONS} connections; asOf ${AS_OF}`);
  const byScale = new Map<Scale, Measured[]>();
  for (const scale of SCALES) byScale.set(scale, await benchScale(scale));
  if (byScale.size === 2) {
    const small = (scale: Scale) => byScale.get(scale)!.find((m) => m.question.key === `summary ${SMALL_COUNTY}`)!;
    const [county, national] = [small('county'), small('national')];
    if (county.answer !== national.answer) {
      throw new Error(`${SMALL_COUNTY} differs between the scales: "${county.answer}" against "${national.answer}"`);
    }
    const ratio = (path: 'viewer' | 'cold') => `${(national.single[path] / county.single[path]).toFixed(2)}×`;
    log(
      `\nthe ${SMALL_COUNTY} summary (1,200 patents, the same answer at both scales) alone, county / national scale (ms): ` +
        `kept ${ms(county.single.viewer)} / ${ms(national.single.viewer)} (${ratio('viewer')}), ` +
        `computed ${ms(county.single.cold)} / ${ms(national.single.cold)} (${ratio('cold')})`,
    );
  }
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
