import path from 'node:path';

/** Every environment variable the server reads, parsed in one place. */
export interface Config {
  port: number;
  /** unset: an embedded PostgreSQL in `embeddedDataDir`, seeded once with the demo data */
  databaseUrl: string | null;
  embeddedDataDir: string;
  embeddedPort: number;
  poolSize: number;
}

function integer(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', 4000, env),
    databaseUrl: env.DATABASE_URL || null,
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DIR || path.join('.data', 'postgres')),
    embeddedPort: integer('EMBEDDED_PG_PORT', 54329, env),
    poolSize: integer('DATABASE_POOL_SIZE', 10, env),
  };
}
