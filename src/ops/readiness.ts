import { DataSource } from 'typeorm';
import { describeError, Logger } from './logger';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** A readiness check answers within this, even when the database hangs. */
export const READINESS_TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready to serve: the database answers `SELECT 1` and every migration this build knows is applied.
 * The reasons are short and fixed; the underlying error goes to the log (at warn, when readiness changes).
 */
export function createReadinessCheck(dataSource: DataSource, logger: Logger, timeoutMs = READINESS_TIMEOUT_MS) {
  let last: string | null = null;
  const report = (result: Readiness, error?: unknown): Readiness => {
    const state = result.ready ? 'ready' : result.reason;
    if (state !== last) {
      if (result.ready) logger.info('ready');
      else logger.warn({ reason: result.reason, ...(error ? { err: describeError(error) } : {}) }, 'not ready');
      last = state;
    }
    return result;
  };

  return async function checkReadiness(): Promise<Readiness> {
    if (!dataSource.isInitialized) return report({ ready: false, reason: 'database closed' });
    try {
      await within(dataSource.query('SELECT 1'), timeoutMs);
    } catch (error) {
      return report({ ready: false, reason: 'database unreachable' }, error);
    }
    try {
      if (await within(dataSource.showMigrations(), timeoutMs)) return report({ ready: false, reason: 'migrations pending' });
    } catch (error) {
      return report({ ready: false, reason: 'migrations unknown' }, error);
    }
    return report({ ready: true });
  };
}
