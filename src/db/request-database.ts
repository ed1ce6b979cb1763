import { createHash } from 'node:crypto';
import * as pg from 'pg';
import { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import { Principal } from '../auth/principal';
import { requestTimeout } from '../graphql/errors';
import { compile, Sql } from './sql';

export interface RequestDatabaseOptions {
  /** `SET LOCAL statement_timeout` as the transaction opens; PostgreSQL cancels a longer statement with 57014 */
  statementTimeoutMs?: number;
  /**
   * The request's time budget (REQUEST_TIMEOUT_MS), ending at `deadline` (epoch ms): then the statement running is
   * cancelled, every later statement refused (TIMEOUT), and the transaction can only roll back.
   */
  budget?: { budgetMs: number; deadline: number };
  /** asked as the transaction opens: 'slave' opens it on a read replica, if any (src/ops/replicas.ts); default 'master' */
  target?: () => ReplicationMode;
  /**
   * `SET LOCAL ROLE` as the transaction opens: a command connected as a superuser (the owner of an embedded server)
   * takes the application's role, so that Row Level Security — tenancy and the hiding of deleted rows — applies to it too
   */
  role?: string;
}

/** Through which door a change comes (history: migrations/1764510000000-History.ts). */
export type ChangeDoor = 'API' | 'IMPORT' | 'SYSTEM';

/**
 * What the history records about the changes that follow, as transaction-local settings. A field left undefined keeps
 * its value; null clears it.
 */
export interface ChangeDescription {
  door?: ChangeDoor;
  /** the GraphQL mutation (root fields), or "import <kind>" */
  operation?: string | null;
  /** the GraphQL request's operationName */
  request?: string | null;
  /** the imported file's name */
  file?: string | null;
  /** the row being written: its row number in the file, or its 1-based position in a GraphQL import call */
  row?: number | null;
  /** a batch: the row number of each record, by its key (the application number) */
  rows?: Record<string, number> | null;
}

const CHANGE_SETTINGS: Record<keyof ChangeDescription, string> = {
  door: 'hvp.change_door',
  operation: 'hvp.change_operation',
  request: 'hvp.change_request',
  file: 'hvp.change_file',
  row: 'hvp.change_row',
  rows: 'hvp.change_rows',
};

/**
 * A SQL string literal of a value checked beforehand (a role, county codes, a credit code). The one place outside
 * src/db/sql.ts that writes SQL text as a string: the transaction's opening is several statements in one
 * simple-protocol string (one round trip), and the simple protocol takes no parameters.
 */
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
  /** transaction-local settings wanted, and as they stand in the transaction (see describeChange) */
  private readonly wanted = new Map<string, string>();
  private applied = new Map<string, string>();
  /** statements sent and not yet answered */
  private running = 0;
  private budgetTimer: NodeJS.Timeout | null = null;
  /** the budget ran out: nothing more runs, and finish() rolls back */
  timedOut = false;
  /** the cancel request sent when it ran out, until PostgreSQL has taken it */
  private cancelling: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RequestDatabaseOptions = {},
    readonly scope: Principal | null = null,
  ) {
    const timeout = options.statementTimeoutMs;
    if (timeout !== undefined && !(Number.isInteger(timeout) && timeout > 0)) {
      throw new Error(`statementTimeoutMs must be a positive integer, got ${timeout}`);
    }
    if (options.role !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.role))
      throw new Error(`role must be a plain role name, got ${options.role}`);
    if (scope) {
      this.wanted.set('hvp.subject', scope.subject);
      this.wanted.set(CHANGE_SETTINGS.door, scope.via === 'system' ? 'SYSTEM' : 'API');
    }
    if (options.budget) {
      this.budgetTimer = setTimeout(() => void this.runOutOfTime(), Math.max(0, options.budget.deadline - Date.now()));
      this.budgetTimer.unref();
    }
  }

  timeoutError() {
    return requestTimeout(this.options.budget?.budgetMs ?? 0);
  }

  /** The budget ran out: the statement running (if any) is cancelled by PostgreSQL's cancel request, on a socket of its own. */
  private async runOutOfTime(): Promise<void> {
    this.timedOut = true;
    if (!this.runner || this.running === 0) return;
    const runner = await this.runner.catch(() => null);
    const client = (runner as unknown as { databaseConnection?: PgClient } | null)?.databaseConnection;
    if (client && this.running > 0) this.cancelling = cancelStatement(client);
  }

  /**
   * Describes the changes that follow for the history (who comes from the scope). No statement of its own: the
   * settings go with the next savepoint (`atomically`) or the transaction's opening, ahead of it, so that rolling back
   * to that savepoint keeps them.
   */
  describeChange(change: ChangeDescription): void {
    for (const [field, setting] of Object.entries(CHANGE_SETTINGS) as [keyof ChangeDescription, string][]) {
      const value = change[field];
      if (value === undefined) continue;
      this.wanted.set(setting, value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
  }

  /** `SELECT set_config(…), …; ` for the settings wanted that the transaction does not have yet ('' when none). */
  private pendingSettings(): string {
    const changed = [...this.wanted].filter(([name, value]) => this.applied.get(name) !== value);
    if (changed.length === 0) return '';
    for (const [name, value] of changed) this.applied.set(name, value);
    return `SELECT ${changed.map(([name, value]) => `set_config(${literal(name)}, ${literal(value)}, true)`).join(', ')}; `;
  }

  /**
   * The transaction reads only: a `query` operation's (routed to a read replica when there are any). It is opened READ
   * ONLY, and the figure cache may answer for it (src/figures/county-figures.ts).
   */
  get readOnly(): boolean {
    return this.options.target?.() === 'slave';
  }

  private open(): Promise<QueryRunner> {
    if (this.timedOut && !this.runner) return Promise.reject(this.timeoutError());
    this.runner ??= (async () => {
      const runner = this.dataSource.createQueryRunner(this.options.target?.() ?? 'master');
      await runner.connect();
      if (this.timedOut) {
        await runner.release();
        throw this.timeoutError();
      }
      // No JIT: the policies' sub-plans lift the estimated cost of the larger statements (indicators) past
      // jit_above_cost, and compiling then takes about a second that execution at county scale never wins back.
      const opening = [this.readOnly ? 'START TRANSACTION READ ONLY' : 'START TRANSACTION', 'SET LOCAL jit = off'];
      if (this.options.statementTimeoutMs) opening.push(`SET LOCAL statement_timeout = ${this.options.statementTimeoutMs}`);
      if (this.options.role) opening.push(`SET LOCAL ROLE ${this.options.role}`);
      this.applied = new Map();
      const settings = this.pendingSettings();
      if (settings) opening.push(settings.replace(/; $/, ''));
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

  /** Runs one statement and returns its rows (RETURNING rows for writes). */
  query<Row = Record<string, unknown>>(statement: Sql, options: QueryOptions = {}): Promise<Row[]> {
    const { text, values } = compile(statement);
    return this.run<Row>(options.reusePlan ? preparedStatement(text) : text, values);
  }

  /**
   * Sends text as it is: the statements this class writes itself, with literals quoted above (`literal`), several in
   * one simple-protocol string where they must be one round trip. Nothing else builds SQL as a string.
   */
  private async run<Row>(text: string | PreparedStatement, values: unknown[] = []): Promise<Row[]> {
    const runner = await this.open();
    // TypeORM hands the statement to node-postgres as it is: a { name, text } is parsed once per connection
    return this.serially(async () => (await runner.query(text as string, values, true)).records as Row[]);
  }

  private serially<T>(statement: () => Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      if (this.timedOut) throw this.timeoutError();
      this.running++;
      try {
        return await statement();
      } catch (error) {
        // query_canceled by runOutOfTime
        if (this.timedOut && (error as { code?: string })?.code === '57014') throw this.timeoutError();
        throw error;
      } finally {
        this.running--;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Sets the scope again (a county was added: the counties under the caller's codes changed). */
  async refreshScope(): Promise<void> {
    if (this.scope && this.runner) await this.run(scopeSql(this.scope));
  }

  /** Runs `work` atomically inside the request's transaction: when it throws, only its own writes are undone. */
  async atomically<T>(work: () => Promise<T>): Promise<T> {
    const savepoint = `mutation_${++this.savepoints}`;
    // the transaction opens first when this is its first statement (its opening applies the settings then)
    await this.open();
    const settings = this.pendingSettings();
    // set before the savepoint: rolling back to it keeps them, and restores those applied inside it
    const atSavepoint = new Map(this.applied);
    await this.run(`${settings}SAVEPOINT ${savepoint}`);
    try {
      const result = await work();
      await this.run(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      await this.run(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      this.applied = atSavepoint;
      throw error;
    }
  }

  async finish(commit: boolean): Promise<void> {
    if (this.budgetTimer) clearTimeout(this.budgetTimer);
    if (!this.runner) return;
    const runner = await this.runner;
    // a cancel still on its way could end the next statement of this connection: the ROLLBACK, or once released to
    // the pool another request's
    await this.cancelling;
    this.runner = null;
    this.applied = new Map();
    try {
      await runner.query(commit && !this.timedOut ? 'COMMIT' : 'ROLLBACK');
    } finally {
      await runner.release();
    }
  }
}

export interface QueryOptions {
  /**
   * A statement by keys (ids, credit codes, a page of an owner's list) whose best plan is the same however much a
   * county holds: prepared, so that PostgreSQL may keep its plan (below; its keys as `sql.keys`, or it never does).
   * Not for county-wide aggregates: a plan kept
   * from five calls about a big county, or made for an average one, can read far more than a small county holds.
   */
  reusePlan?: boolean;
}

interface PreparedStatement {
  name: string;
  text: string;
}

/** how many statement texts are named at most: they come from the code's constants, so the bound is never reached */
const PREPARED_LIMIT = 1000;
const preparedNames = new Map<string, PreparedStatement>();

/**
 * The statement as a prepared one, named by its text: each connection parses it once, and from its sixth run PostgreSQL
 * may keep one plan for it (plan_cache_mode auto: only when the generic plan costs no more than the custom ones), so
 * a request's larger statements stop paying their planning each time.
 */
function preparedStatement(text: string): string | PreparedStatement {
  let prepared = preparedNames.get(text);
  if (!prepared) {
    if (preparedNames.size >= PREPARED_LIMIT) return text;
    prepared = { name: `hvp_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
    preparedNames.set(text, prepared);
  }
  return prepared;
}

/** The part of node-postgres's Client a cancel request needs (set once the connection is open). */
interface PgClient {
  processID: number;
  secretKey: number;
  host: string;
  port: number;
}

/**
 * PostgreSQL's cancel request for the statement a connection is running: sent on a new socket (no login, no pool
 * connection: it works when the pool is exhausted), answered by the server ending that statement with 57014.
 */
interface CancelConnection {
  on(event: 'error' | 'end', listener: () => void): void;
  once(event: 'connect', listener: () => void): void;
  connect(port: number | string, host?: string): void;
  cancel(processID: number, secretKey: number): void;
}

function cancelStatement(client: PgClient): Promise<void> {
  const connection = new (pg.Connection as unknown as new () => CancelConnection)();
  // the server closes the socket once it has acted on the request; a second at most either way
  const taken = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    connection.on('end', done);
    connection.on('error', done);
  });
  connection.once('connect', () => connection.cancel(client.processID, client.secretKey));
  if (client.host?.startsWith('/')) connection.connect(`${client.host}/.s.PGSQL.${client.port}`);
  else connection.connect(client.port, client.host);
  return taken;
}
