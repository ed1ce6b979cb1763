import { DataSource, QueryRunner } from 'typeorm';

/**
 * The one transaction of a GraphQL request. It opens lazily, on the first statement, so a request
 * that fails validation never takes a connection; `finish` commits or rolls back and releases it.
 */
export class RequestDatabase {
  private runner: Promise<QueryRunner> | null = null;
  private savepoints = 0;
  /** statements of one connection run one after another; loaders of a request may ask concurrently */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  private open(): Promise<QueryRunner> {
    this.runner ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
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
