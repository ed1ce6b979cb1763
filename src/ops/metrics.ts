import { Kind, parse } from 'graphql';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** How a request ended, the `outcome` label. */
export type Outcome =
  /** answered without errors */
  | 'success'
  /** the operation ran and the answer carries errors (a refused mutation, a timeout, an internal error) */
  | 'error'
  /** refused before running: not JSON, not GraphQL, a parse or validation error */
  | 'rejected'
  /** the server could not answer (5xx) */
  | 'failed'
  /** the client went away before the answer was sent */
  | 'aborted';

/** The pg Pool behind a TypeORM DataSource (undefined until initialised, or after destroy). */
interface PgPoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The operations this build knows by name: those of the .graphql files in schema/operations/ (the folder of the
 * repository, found from here in src/ops/ and in dist/src/ops/). Absent folder: none.
 */
export function knownOperationNames(dir: string | null = operationsDir()): Set<string> {
  const names = new Set<string>();
  if (!dir || !existsSync(dir)) return names;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.graphql'))) {
    for (const definition of parse(readFileSync(path.join(dir, file), 'utf8')).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return names;
}

function operationsDir(): string | null {
  for (const up of [
    ['..', '..'],
    ['..', '..', '..'],
  ]) {
    const dir = path.resolve(__dirname, ...up, 'schema', 'operations');
    if (existsSync(dir)) return dir;
  }
  return null;
}

export interface ServerMetrics {
  registry: Registry;
  requestStarted(): void;
  /** one GraphQL request finished: counts it, its latency and its errors' codes */
  requestFinished(operation: string | undefined, outcome: Outcome, seconds: number, errorCodes: readonly string[]): void;
}

/**
 * The server's metrics in a registry of its own (not prom-client's global one), so that several servers can live in
 * one process. Operation names come from clients, so a series is labelled by one only when it is a known operation
 * (`knownOperations`, e.g. knownOperationNames()); any other named operation counts as 'other', an unnamed one as
 * 'anonymous', one refused before it resolved as 'unknown': a client can neither choose series nor add any.
 */
export function createMetrics(dataSource: DataSource, poolMax: number, knownOperations: ReadonlySet<string> = new Set()): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'hvp_graphql_requests_total',
    help: 'GraphQL requests on /graphql, by operation name and outcome (success, error, rejected, failed, aborted)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'hvp_graphql_request_duration_seconds',
    help: 'Time from receiving a /graphql request to the end of its response, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'hvp_graphql_errors_total',
    help: 'Errors sent to clients, by extensions.code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'hvp_graphql_requests_in_flight',
    help: 'GraphQL requests received and not yet answered',
    registers: [registry],
  });

  const pool = () => (dataSource.driver as unknown as { master?: PgPoolCounts }).master;
  const poolGauge = (name: string, help: string, read: (pool: PgPoolCounts) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const current = pool();
        this.set(current ? read(current) : 0);
      },
    });
  poolGauge('hvp_db_pool_connections', 'Connections open in the database pool, in use or idle', (p) => p.totalCount);
  poolGauge('hvp_db_pool_idle_connections', 'Open connections of the pool that no request holds', (p) => p.idleCount);
  poolGauge('hvp_db_pool_in_use_connections', 'Connections of the pool held by a request', (p) => p.totalCount - p.idleCount);
  poolGauge('hvp_db_pool_waiting_requests', 'Requests waiting for a connection of the pool', (p) => p.waitingCount);
  new Gauge({ name: 'hvp_db_pool_max_connections', help: 'The pool size (DATABASE_POOL_SIZE)', registers: [registry] }).set(poolMax);

  const operationLabel = (name: string | undefined): string => {
    if (!name) return 'unknown';
    if (name === 'anonymous') return name;
    return knownOperations.has(name) ? name : 'other';
  };

  return {
    registry,
    requestStarted: () => inFlight.inc(),
    requestFinished(operation, outcome, seconds, errorCodes) {
      inFlight.dec();
      const label = operationLabel(operation);
      requests.inc({ operation: label, outcome });
      duration.observe({ operation: label }, seconds);
      for (const code of errorCodes) errors.inc({ code });
    },
  };
}
