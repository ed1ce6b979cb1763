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

const MAX_OPERATION_NAMES = 100;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

export interface ServerMetrics {
  registry: Registry;
  requestStarted(): void;
  /** one GraphQL request finished: counts it, its latency and its errors' codes */
  requestFinished(operation: string | undefined, outcome: Outcome, seconds: number, errorCodes: readonly string[]): void;
}

/**
 * The server's metrics in a registry of its own (not prom-client's global one), so that several servers can live in
 * one process. Operation names come from clients: past MAX_OPERATION_NAMES distinct names, new ones count as 'other'.
 */
export function createMetrics(dataSource: DataSource, poolMax: number): ServerMetrics {
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

  const operationNames = new Set<string>();
  const operationLabel = (name: string | undefined): string => {
    if (!name) return 'unknown';
    if (operationNames.has(name)) return name;
    if (operationNames.size >= MAX_OPERATION_NAMES || !OPERATION_NAME.test(name)) return 'other';
    operationNames.add(name);
    return name;
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
