import { DataSource, QueryRunner } from 'typeorm';

export interface RequestDatabaseOptions {
  /** `SET LOCAL statement_timeout` as the transaction opens; PostgreSQL cancels a longer statement with 57014 */
  statementTimeoutMs?: number;
}

/**
 * The one transaction of a GraphQL request. It opens lazily, on the first statement, so a request
 * that fails validation never takes a connection; `finish` commits or rolls back and releases it.
 */
export class RequestDatabase {
  private runner: Promise<QueryRunner> | null = null;
  private savepoints = 0;
  /** statements of one connection run one after another; loaders of a request may ask concurrently */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RequestDatabaseOptions = {},
  ) {
    const timeout = options.statementTimeoutMs;
    if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) {
      throw new Error(`statementTimeoutMs must be a positive integer, got ${timeout}`);
    }
  }

  private open(): Promise<QueryRunner> {
    this.runner ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      if (this.options.statementTimeoutMs) {
        try {
          await runner.query(`SET LOCAL statement_timeout = ${this.options.statementTimeoutMs}`);
        } catch (error) {
          await runner.rollbackTransaction().catch(() => undefined);
          await runner.release();
          throw error;
        }
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
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }
}
