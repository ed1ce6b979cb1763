import { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { Principal } from '../auth/principal';

export interface RequestDatabaseOptions {
  /** `SET LOCAL statement_timeout` as the transaction opens; PostgreSQL cancels a longer statement with 57014 */
  statementTimeoutMs?: number;
  /** asked as the transaction opens: 'slave' opens it on a read replica, if any (src/ops/replicas.ts); default 'master' */
  target?: () => ReplicationMode;
}

/** A SQL string literal of a value checked beforehand (a role, county codes, a credit code): no parameters in a multi-statement string. */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The statement that sets the caller's scope for Row Level Security (migrations/1764300000000-Tenancy.ts). */
export function scopeSql(principal: Principal): string {
  return `SELECT hvp_begin(${literal(principal.role)}, ${literal(principal.counties.join(','))}, ${literal(principal.creditCode ?? '')})`;
}

/**
 * The one transaction of a GraphQL request. It opens lazily, on the first statement, so a request
 * that fails validation never takes a connection; `finish` commits or rolls back and releases it.
 * With a `scope`, the caller's scope is set right after BEGIN, in the same round trip (one simple-protocol
 * string `START TRANSACTION; SET LOCAL …; SELECT hvp_begin(…)`), so every statement of the request — loaders
 * included — runs under Row Level Security for that caller. Without one, nothing of a tenant table is visible.
 */
export class RequestDatabase {
  private runner: Promise<QueryRunner> | null = null;
  private savepoints = 0;
  /** statements of one connection run one after another; loaders of a request may ask concurrently */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RequestDatabaseOptions = {},
    readonly scope: Principal | null = null,
  ) {
    const timeout = options.statementTimeoutMs;
    if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) {
      throw new Error(`statementTimeoutMs must be a positive integer, got ${timeout}`);
    }
  }

  private open(): Promise<QueryRunner> {
    this.runner ??= (async () => {
      const runner = this.dataSource.createQueryRunner(this.options.target?.() ?? 'master');
      await runner.connect();
      // No JIT: the policies' sub-plans lift the estimated cost of the larger statements (indicators) past
      // jit_above_cost, and compiling then takes about a second that execution at county scale never wins back.
      const opening = ['START TRANSACTION', 'SET LOCAL jit = off'];
      if (this.options.statementTimeoutMs) opening.push(`SET LOCAL statement_timeout = ${this.options.statementTimeoutMs}`);
      if (this.scope) opening.push(scopeSql(this.scope));
      try {
        await runner.query(opening.join('; '));
      } catch (error) {
        await runner.query('ROLLBACK').catch(() => undefined);
        await runner.release();
        throw error;
      }
      return runner;
    })();
    return this.runner;
  }

  /** Runs one parameterised statement and returns its rows (RETURNING rows for writes). */
  async query<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    const runner = await this.open();
    return this.serially(async () => (await runner.query(sql, params, true)).records as Row[]);
  }

  private serially<T>(statement: () => Promise<T>): Promise<T> {
    const result = this.queue.then(statement);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Sets the scope again (a county was added: the counties under the caller's codes changed). */
  async refreshScope(): Promise<void> {
    if (this.scope && this.runner) await this.query(scopeSql(this.scope));
  }

  /** Runs `work` atomically inside the request's transaction: when it throws, only its own writes are undone. */
  async atomically<T>(work: () => Promise<T>): Promise<T> {
    const savepoint = `mutation_${++this.savepoints}`;
    await this.query(`SAVEPOINT ${savepoint}`);
    try {
      const result = await work();
      await this.query(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      await this.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      throw error;
    }
  }

  async finish(commit: boolean): Promise<void> {
    if (!this.runner) return;
    const runner = await this.runner;
    this.runner = null;
    try {
      await runner.query(commit ? 'COMMIT' : 'ROLLBACK');
    } finally {
      await runner.release();
    }
  }
}
