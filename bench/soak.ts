/**
 * `npm run soak`: the server as it runs in production, under a realistic mix of the contract's queries at saturation
 * for SOAK_SECONDS (60), to see that it holds: throughput, latency percentiles, non-2xx answers and GraphQL errors,
 * and the server's memory (RSS, heap) at the start, at its peak and at the end.
 *
 *  1. The server is `node dist/src/main.js` in a process of its own (so its memory is its own), on a free loopback
 *     port, at LOG_LEVEL SOAK_LOG_LEVEL (info, as in production; its stdout is discarded):
 *     - without DATABASE_URL: the embedded start (an embedded PostgreSQL in .data/soak/postgres, wiped first, on
 *       SOAK_PG_PORT 54369, seeded with the demo data) and its demo token (ADMIN of every county);
 *     - with DATABASE_URL: a database hvp_soak on that server (dropped first and at the end), migrated and seeded
 *       with the demo data as the owner, a login role hvp_soak_app for the server, and a token signed here.
 *  2. The mix: the dashboard (county summary), target gaps, enterprise profiles and patents (rotating over the demo's
 *     synthetic ones), enterprise and patent list pages, the plan indicators and their series, the county list and
 *     `me` — some over GET. Each is checked once (HTTP 200, no GraphQL error) before the load.
 *  3. autocannon with SOAK_CONNECTIONS (32, three times the default pool of 10: requests queue for connections)
 *     for SOAK_WARMUP_SECONDS (5), then for SOAK_SECONDS (60) measured; the server's /metrics is read before, every
 *     5 s during, and after the run (memory, event-loop lag, requests by outcome, errors by code).
 *  4. SIGTERM to the server (a clean stop is part of the check), clean-up (also on Ctrl-C).
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { createDataSource } from '../src/db/data-source';
import { migrate } from '../src/db/database';
import { withDatabase } from '../src/db/embedded';
import { ensureAppLoginRole } from '../src/db/roles';
import { seedDemo } from '../src/seed/seed';

import { integerEnv } from './settings';
import { withClient } from '../src/db/client';
import { freePort } from '../src/ops/free-port';
import {
  COUNTIES,
  DASHBOARD,
  ENTERPRISE,
  ENTERPRISE_LIST,
  INDICATOR_SERIES,
  INDICATORS,
  ME,
  PATENT,
  PATENT_LIST,
  SOAK_ENTERPRISE_CODES,
  SOAK_PATENT_NUMBERS,
  TARGET_GAPS,
} from './soak-queries';

// ---------------------------------------------------------------- settings

const SECONDS = integerEnv('SOAK_SECONDS', 60, 1);
const WARMUP_SECONDS = integerEnv('SOAK_WARMUP_SECONDS', 5, 0);
const CONNECTIONS = integerEnv('SOAK_CONNECTIONS', 32, 1);
const PG_PORT = integerEnv('SOAK_PG_PORT', 54369, 1);
const LOG_LEVEL = process.env.SOAK_LOG_LEVEL || 'info';
const ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.data', 'soak');
const SOAK_DATABASE = 'hvp_soak';
const SOAK_APP_ROLE = 'hvp_soak_app';
const AS_OF = '2024-12-31';
/** the server's METRICS_TOKEN, for reading its /metrics */
const METRICS_TOKEN = randomBytes(24).toString('base64url');
const COUNTY = '500231';

// ---------------------------------------------------------------- clean-up

const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const run of cleanups.reverse()) await run().catch((error) => console.error('clean-up failed:', error));
  })();
  return cleaning;
}
let stopLoad: (() => void) | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the load and the server`);
    stopLoad?.();
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- helpers

const log = (message: string) => console.log(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Sample lines of a Prometheus text exposition, by series ("name{labels}"). */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    samples.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return samples;
}

// ---------------------------------------------------------------- the server

interface Server {
  url: string;
  token: string;
  process: ChildProcess;
}

/** Prepares the database (DATABASE_URL) or the embedded folder, starts the server process and waits until it is ready. */
async function startServer(): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: LOG_LEVEL,
    NODE_ENV: 'production',
    METRICS_TOKEN,
    // one token at saturation: the rate limit runs (its cost is part of the figures) with a budget it never reaches
    RATE_LIMIT_POINTS_PER_MINUTE: '1000000000',
    RATE_LIMIT_BURST: '1000000000',
  };
  let token: string | null = null;
  if (process.env.DATABASE_URL) {
    const adminUrl = process.env.DATABASE_URL;
    await withClient(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${SOAK_DATABASE} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${SOAK_DATABASE}`);
    });
    cleanups.push(() => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${SOAK_DATABASE} WITH (FORCE)`)));
    const ownerUrl = withDatabase(adminUrl, SOAK_DATABASE);
    log(`database: ${SOAK_DATABASE} on DATABASE_URL's server; migrating and seeding the demo data…`);
    await migrate(ownerUrl);
    const owner = createDataSource({ url: ownerUrl, poolSize: 1 });
    await owner.initialize();
    try {
      await seedDemo(owner);
    } finally {
      await owner.destroy();
    }
    const jwtSecret = randomBytes(32).toString('base64url');
    Object.assign(env, {
      DATABASE_URL: ownerUrl,
      APP_DATABASE_URL: await ensureAppLoginRole(ownerUrl, SOAK_APP_ROLE, randomBytes(18).toString('base64url')),
      JWT_SECRET: jwtSecret,
    });
    token = await signToken(jwtSecret, { sub: 'soak', role: Role.ADMIN, counties: ['*'] }, 3600);
  } else {
    rmSync(DATA_DIR, { recursive: true, force: true });
    log(
      `database: embedded PostgreSQL in ${path.relative(ROOT, DATA_DIR)}/postgres on port ${PG_PORT}, seeded with the demo data at start`,
    );
    Object.assign(env, { EMBEDDED_PG_DIR: path.join(DATA_DIR, 'postgres'), EMBEDDED_PG_PORT: String(PG_PORT), DATA_DIR });
    for (const name of ['APP_DATABASE_URL', 'APP_DATABASE_PASSWORD', 'JWT_SECRET', 'JWKS_URL']) delete env[name];
  }

  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`the server was not ready within 180 s:\n${stderr}`);
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await sleep(250);
  }
  token ??= readFileSync(path.join(DATA_DIR, 'demo-token'), 'utf8').trim();
  return { url, token, process: child };
}

// ---------------------------------------------------------------- the mix

interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** sent as GET /graphql?query=…&variables=… */
  get?: boolean;
  /** how many of every ~40 requests */
  weight: number;
}

// the answers are read field by field, as in the tests
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function graphql(server: Server, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** The operations of the mix, with enterprises and patents of the demo data to rotate over. */
async function operations(server: Server): Promise<Operation[]> {
  const enterprises = (await graphql(server, SOAK_ENTERPRISE_CODES, { code: COUNTY })).county.enterprises.edges.map(
    (edge: { node: { creditCode: string } }) => edge.node.creditCode,
  ) as string[];
  const patents = (await graphql(server, SOAK_PATENT_NUMBERS, { code: COUNTY })).county.patents.edges.map(
    (edge: { node: { applicationNumber: string } }) => edge.node.applicationNumber,
  ) as string[];
  const county = { code: COUNTY, asOf: AS_OF };
  const pick = <T>(list: T[], count: number) => Array.from({ length: count }, (_, i) => list[Math.floor((i * list.length) / count)]);
  return [
    { name: 'Dashboard', query: DASHBOARD, variables: county, weight: 6 },
    { name: 'Dashboard (GET)', query: DASHBOARD, variables: county, weight: 2, get: true },
    { name: 'TargetGaps', query: TARGET_GAPS, variables: county, weight: 5 },
    ...pick(enterprises, 8).map((creditCode) => ({
      name: 'EnterpriseProfile',
      query: ENTERPRISE,
      variables: { creditCode, asOf: AS_OF },
      weight: 1,
    })),
    ...pick(patents, 8).map((number) => ({ name: 'PatentDetail', query: PATENT, variables: { number, asOf: AS_OF }, weight: 1 })),
    { name: 'Enterprises', query: ENTERPRISE_LIST, variables: { code: COUNTY }, weight: 3 },
    { name: 'Patents', query: PATENT_LIST, variables: { code: COUNTY }, weight: 3 },
    { name: 'Indicators', query: INDICATORS, variables: county, weight: 2 },
    { name: 'IndicatorSeries', query: INDICATOR_SERIES, variables: { code: COUNTY }, weight: 1 },
    { name: 'Counties (GET)', query: COUNTIES, weight: 1, get: true },
    { name: 'Me (GET)', query: ME, weight: 1, get: true },
  ];
}

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function request(operation: Operation, token: string): AutocannonRequest {
  const authorization = `Bearer ${token}`;
  if (operation.get) {
    const params = new URLSearchParams({
      query: operation.query,
      ...(operation.variables ? { variables: JSON.stringify(operation.variables) } : {}),
    });
    return { method: 'GET', path: `/graphql?${params}`, headers: { authorization } };
  }
  return {
    method: 'POST',
    path: '/graphql',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  };
}

/** Every operation `weight` times, interleaved (a deterministic shuffle); the load walks the list in a loop. */
function sequence(list: Operation[], token: string): AutocannonRequest[] {
  const expanded = list.flatMap((operation) => Array.from({ length: operation.weight }, () => operation));
  let state = 20241231;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = expanded.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [expanded[i], expanded[j]] = [expanded[j], expanded[i]];
  }
  return expanded.map((operation) => request(operation, token));
}

// ---------------------------------------------------------------- the run

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

async function scrape(server: Server): Promise<Map<string, number>> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!response.ok) throw new Error(`/metrics answered HTTP ${response.status}`);
  return parseMetrics(await response.text());
}

const memoryOf = (metrics: Map<string, number>): Memory => ({
  rss: metrics.get('process_resident_memory_bytes') ?? NaN,
  heapUsed: metrics.get('nodejs_heap_size_used_bytes') ?? NaN,
  heapTotal: metrics.get('nodejs_heap_size_total_bytes') ?? NaN,
});

type LoadResult = Parameters<Parameters<typeof autocannon>[1]>[1];

/**
 * Runs autocannon over `requests`. Each request of a connection takes the next entry of the one round-robin over all
 * connections (autocannon's own `requests` list would start every connection at the first entry, in lockstep), so the
 * mix holds from the first second.
 */
function load(server: Server, requests: AutocannonRequest[], seconds: number): Promise<LoadResult> {
  let next = 0;
  const roundRobin = { method: 'GET', path: '/graphql', setupRequest: () => requests[next++ % requests.length] };
  return new Promise((resolve, reject) => {
    const options = { url: server.url, connections: CONNECTIONS, duration: seconds, timeout: 30, requests: [roundRobin] };
    const instance = autocannon(options as unknown as Parameters<typeof autocannon>[0], (error, result) => {
      stopLoad = null;
      if (error) reject(error);
      else resolve(result);
    });
    stopLoad = () => instance.stop();
  });
}

/** counters of the server's /metrics that grew during the run, by series */
function grown(before: Map<string, number>, after: Map<string, number>, prefix: string): [string, number][] {
  return [...after]
    .filter(([series]) => series.startsWith(prefix))
    .map(([series, value]): [string, number] => [series.slice(prefix.length), value - (before.get(series) ?? 0)])
    .filter(([, value]) => value > 0)
    .sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  log(`soak: ${SECONDS} s at ${CONNECTIONS} connections (warm-up ${WARMUP_SECONDS} s)`);
  const started = Date.now();
  const server = await startServer();
  log(
    `server: ${server.url} (node dist/src/main.js, pid ${server.process.pid}, LOG_LEVEL=${LOG_LEVEL}), ready after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const mix = await operations(server);
  for (const operation of mix) {
    const sent = request(operation, server.token);
    const response = await fetch(`${server.url}${sent.path}`, { method: sent.method, headers: sent.headers, body: sent.body });
    const body = (await response.json()) as { errors?: unknown[] };
    if (response.status !== 200 || body.errors)
      throw new Error(`${operation.name}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  }
  const requests = sequence(mix, server.token);
  log(
    `mix: ${requests.length} requests per round, ${new Set(mix.map((operation) => operation.name)).size} kinds, all checked (200, no error)`,
  );

  const atStart = await scrape(server);
  const loadAtStart = os.loadavg()[0];
  if (WARMUP_SECONDS > 0) await load(server, requests, WARMUP_SECONDS);
  const beforeRun = await scrape(server);

  let peak = memoryOf(beforeRun);
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await sleep(5000);
      if (!sampling) break;
      const memory = memoryOf(await scrape(server));
      peak = {
        rss: Math.max(peak.rss, memory.rss),
        heapUsed: Math.max(peak.heapUsed, memory.heapUsed),
        heapTotal: Math.max(peak.heapTotal, memory.heapTotal),
      };
    }
  })();
  const result = await load(server, requests, SECONDS);
  sampling = false;
  await sampler;
  const atEnd = await scrape(server);

  const latency = result.latency;
  const start = memoryOf(atStart);
  const end = memoryOf(atEnd);
  const outcomes = grown(beforeRun, atEnd, 'hvp_graphql_requests_total');
  const byOutcome = (outcome: string) =>
    outcomes.filter(([series]) => series.includes(`outcome="${outcome}"`)).reduce((sum, [, value]) => sum + value, 0);
  const errors = grown(beforeRun, atEnd, 'hvp_graphql_errors_total');
  const report = {
    seconds: result.duration,
    connections: CONNECTIONS,
    requests: result.requests.total,
    throughput: { average: result.requests.average, stddev: result.requests.stddev, min: result.requests.min, max: result.requests.max },
    latencyMs: { average: latency.average, p50: latency.p50, p90: latency.p90, p97_5: latency.p97_5, p99: latency.p99, max: latency.max },
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphql: {
      success: byOutcome('success'),
      withErrors: byOutcome('error'),
      rejected: byOutcome('rejected'),
      failed: byOutcome('failed'),
      errorsByCode: Object.fromEntries(errors),
    },
    serverMemory: { start, peak, end },
    eventLoopLagP99Ms: (atEnd.get('nodejs_eventloop_lag_p99_seconds') ?? NaN) * 1000,
    /** the machine's 1-minute load average (other work on it skews every figure above) */
    loadAverage: { start: loadAtStart, end: os.loadavg()[0], cpus: os.cpus().length },
  };

  log('');
  log(`requests           ${report.requests} in ${report.seconds} s`);
  log(
    `throughput         ${report.throughput.average.toFixed(1)} req/s (stddev ${report.throughput.stddev.toFixed(1)}, min ${report.throughput.min}, max ${report.throughput.max} per second)`,
  );
  log(
    `latency            avg ${latency.average.toFixed(1)} ms, p50 ${latency.p50} ms, p90 ${latency.p90} ms, p97.5 ${latency.p97_5} ms, p99 ${latency.p99} ms, max ${latency.max} ms`,
  );
  log(`non-2xx            ${report.non2xx} (socket errors ${report.socketErrors}, timeouts ${report.timeouts})`);
  log(
    `GraphQL outcomes   success ${report.graphql.success}, with errors ${report.graphql.withErrors}, rejected ${report.graphql.rejected}, failed ${report.graphql.failed}` +
      (errors.length ? `; errors ${errors.map(([code, count]) => `${code} ${count}`).join(', ')}` : ''),
  );
  log(`server memory      start: RSS ${mib(start.rss)}, heap ${mib(start.heapUsed)} used of ${mib(start.heapTotal)}`);
  log(`                   peak:  RSS ${mib(peak.rss)}, heap ${mib(peak.heapUsed)} used of ${mib(peak.heapTotal)}`);
  log(`                   end:   RSS ${mib(end.rss)}, heap ${mib(end.heapUsed)} used of ${mib(end.heapTotal)}`);
  log(`event-loop lag     p99 ${report.eventLoopLagP99Ms.toFixed(1)} ms (last sampling window)`);
  log(
    `machine            ${report.loadAverage.cpus} CPUs, load average ${report.loadAverage.start.toFixed(2)} before, ${report.loadAverage.end.toFixed(2)} after (server, PostgreSQL and autocannon share them)`,
  );
  log('');
  log('by operation (server side, during the run):');
  const counts = grown(beforeRun, atEnd, 'hvp_graphql_request_duration_seconds_count');
  for (const [series, count] of counts) {
    const sum =
      (atEnd.get(`hvp_graphql_request_duration_seconds_sum${series}`) ?? 0) -
      (beforeRun.get(`hvp_graphql_request_duration_seconds_sum${series}`) ?? 0);
    log(
      `  ${series.replace(/^\{operation="(.*)"\}$/, '$1').padEnd(20)} ${String(count).padStart(7)} requests, mean ${((sum / count) * 1000).toFixed(1)} ms`,
    );
  }
  log('');
  log(`report ${JSON.stringify(report)}`);

  const stopping = Date.now();
  server.process.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) =>
    server.process.exitCode !== null ? resolve(server.process.exitCode) : server.process.once('exit', resolve),
  );
  log(`server stopped with exit code ${code} in ${Date.now() - stopping} ms`);
  if (code !== 0) process.exitCode = 1;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
