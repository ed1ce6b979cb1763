import { DataSource, QueryRunner } from 'typeorm';

/**
 * The one transaction of a GraphQL request. It opens lazily, on the first statement, so a request
 * that fails validation never takes a connection; `finish` commits or rolls back and releases it.
 */
export class RequestDatabase {
  private runner: Promise<QueryRunner> | null = null;
  private savepoints = 0;

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
    const result = await runner.query(sql, params, true);
    return result.records as Row[];
  }

  /** Runs `work` atomically inside the request's transaction: when it throws, only its own writes are undone. */
  async atomically<T>(work: () => Promise<T>): Promise<T> {
    const runner = await this.open();
    const savepoint = `mutation_${++this.savepoints}`;
    await runner.query(`SAVEPOINT ${savepoint}`);
    try {
      const result = await work();
      await runner.query(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      await runner.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
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
