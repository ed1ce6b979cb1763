import path from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every environment variable the server reads, parsed in one place. */
export interface Config {
  /** 0: any free port (tests) */
  port: number;
  /** unset: an embedded PostgreSQL in `embeddedDataDir`, seeded once with the demo data */
  databaseUrl: string | null;
  embeddedDataDir: string;
  embeddedPort: number;
  poolSize: number;
  /** pino level of the JSON logs on stdout */
  logLevel: LogLevel;
  /** `statement_timeout` of each request's transaction; a statement past it fails the request's field with code TIMEOUT */
  statementTimeoutMs: number;
}

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer, got "${raw}"`);
  }
  return value;
}

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw as LogLevel;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', 4000, env, 0),
    databaseUrl: env.DATABASE_URL || null,
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DIR || path.join('.data', 'postgres')),
    embeddedPort: integer('EMBEDDED_PG_PORT', 54329, env),
    poolSize: integer('DATABASE_POOL_SIZE', 10, env),
    logLevel: logLevel(env),
    statementTimeoutMs: integer('STATEMENT_TIMEOUT_MS', 15000, env),
  };
}
