import path from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Bounds on one GraphQL document, checked before anything runs (no connection is taken, no statement sent). The
 * defaults let every query of the README, the bench, the soak and the tests through (tests/query-limits.test.ts runs
 * the README's and the bench's through analyzeOperation, src/graphql/query-limits.ts) and refuse the attacks of issue 17.
 */
export interface QueryLimits {
  /** nesting of fields: `{ county { name } }` is 2 */
  maxDepth: number;
  /** fields asked under an alias (`a: county(…)`), fragments counted where they are spread */
  maxAliases: number;
  /** lexical tokens of the document (graphql-js's parser stops past it) */
  maxTokens: number;
  /** the cost below (queryCost): about the number of values the answer may hold */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxAliases: 30, maxTokens: 5000, maxCost: 50000 };

/** Every environment variable the server reads, parsed in one place. */
export interface Config {
  /** 0: any free port (tests) */
  port: number;
  /** unset: an embedded PostgreSQL in `embeddedDataDir`, seeded once with the demo data */
  databaseUrl: string | null;
  embeddedDataDir: string;
  embeddedPort: number;
  poolSize: number;
  /**
   * pg's `connectionTimeoutMillis`: how long a request waits for a database connection (opening one, or a free one of
   * a full pool) before it fails with DATABASE_UNAVAILABLE (HTTP 503) instead of hanging while PostgreSQL is away
   */
  databaseConnectTimeoutMs: number;
  /**
   * PostgreSQL streaming replicas (hot standbys) of the primary, for the transactions of `query` operations (see
   * src/ops/replicas.ts). An entry without a user logs in as the application does (APP_DATABASE_URL or hvp_app).
   */
  databaseReplicaUrls: string[];
  /** pino level of the JSON logs on stdout */
  logLevel: LogLevel;
  /** `statement_timeout` of each request's transaction; a statement past it fails the request's field with code TIMEOUT */
  statementTimeoutMs: number;
  /**
   * The login the server queries with: a member of the group role hvp_app_access, neither the tables' owner nor a
   * superuser, so that Row Level Security holds. Unset with DATABASE_URL: DATABASE_URL's server and database as user
   * hvp_app with `appDatabasePassword` (created when missing). Embedded: created with a generated password.
   */
  appDatabaseUrl: string | null;
  appDatabasePassword: string | null;
  /** HS256 secret of `Authorization: Bearer` tokens (at least 32 characters); embedded without it: generated in `dataDir` */
  jwtSecret: string | null;
  /** a JSON Web Key Set whose keys verify RS256 and ES256 tokens (a county's own identity provider) */
  jwksUrl: string | null;
  /** when set, tokens must carry this `iss` / `aud` */
  jwtIssuer: string | null;
  jwtAudience: string | null;
  /** git-ignored folder of what the embedded start generates and keeps: JWT secret, app role password, demo token */
  dataDir: string;
  /** memory for county-wide figures kept between requests (src/figures/figure-cache.ts), in MiB; 0: none are kept */
  figureCacheMb: number;
  /**
   * GraphQL introspection (`__schema`, `__type`): GRAPHQL_INTROSPECTION=true or false; unset, on only in the embedded demo
   * start (no DATABASE_URL). While it is off, error messages carry no "Did you mean …?" suggestions either.
   */
  graphqlIntrospection: boolean;
  /** stack traces in errors' `extensions`: GRAPHQL_STACK_TRACES=true, accepted only with NODE_ENV=development */
  graphqlStackTraces: boolean;
  /** the bearer token GET /metrics requires (`Authorization: Bearer <METRICS_TOKEN>`); unset: no /metrics */
  metricsToken: string | null;
  /** QUERY_MAX_DEPTH, QUERY_MAX_ALIASES, QUERY_MAX_TOKENS, QUERY_MAX_COST: bounds on a document, before it runs */
  queryLimits: QueryLimits;
  /**
   * the time budget of a whole GraphQL request, from its arrival: past it the statement running is cancelled, the
   * transaction rolled back and the answer is TIMEOUT (503)
   */
  requestTimeoutMs: number;
  /** JWT_MAX_TTL: a bearer token whose `exp` − `iat` exceeds it (or, without `iat`, whose `exp` is further away) is refused */
  jwtMaxTtlSeconds: number;
  /** API_KEY_MAX_TTL: the latest expiry an API key may be given, from its creation; a key without one gets it */
  apiKeyMaxTtlSeconds: number;
  /** per-credential rate limit (src/http/rate-limit.ts) */
  rateLimit: RateLimitSettings;
  /** REDIS_URL: the rate limit's buckets, shared by every server process; unset: each process keeps its own in memory */
  redisUrl: string | null;
}

/** The rate limit: a token bucket per credential, one per address for failed authentications. */
export interface RateLimitSettings {
  /** RATE_LIMIT_POINTS_PER_MINUTE: what a credential's bucket regains a minute; a request costs 1 plus its operation's cost. 0: no rate limit */
  pointsPerMinute: number;
  /** RATE_LIMIT_BURST: what the bucket holds at most */
  burst: number;
  /** RATE_LIMIT_FAILED_AUTH_PER_MINUTE: failed authentications an address may make a minute before it is refused */
  failedAuthPerMinute: number;
  /** RATE_LIMIT_TRUST_FORWARDED_FOR: the address is the last one of X-Forwarded-For (behind a load balancer that sets it) */
  trustForwardedFor: boolean;
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

function jwtSecret(env: NodeJS.ProcessEnv): string | null {
  const raw = env.JWT_SECRET;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32)
    throw new Error('JWT_SECRET must be at least 32 characters (HS256 needs a 256-bit key), e.g. `openssl rand -base64 48`');
  return raw;
}

function urlList(name: string, env: NodeJS.ProcessEnv): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        new URL(entry);
      } catch {
        throw new Error(`${name} must be comma-separated URLs, got "${entry}"`);
      }
      return entry;
    });
}

function url(name: string, env: NodeJS.ProcessEnv): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  try {
    new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL, got "${raw}"`);
  }
  return raw;
}

const DURATION_UNITS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** "90s", "15m", "12h", "30d" in seconds. */
export function durationSeconds(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text);
  if (!match) throw new Error(`a duration is a number and s, m, h or d (e.g. 12h, 30d), got "${text}"`);
  return Number(match[1]) * DURATION_UNITS[match[2] as keyof typeof DURATION_UNITS];
}

/** A duration setting: "24h", "365d", or a number of seconds. */
function duration(name: string, fallback: string, env: NodeJS.ProcessEnv): number {
  const raw = env[name] || fallback;
  const seconds = /^\d+$/.test(raw) ? Number(raw) : /^\d+[smhd]$/.test(raw) ? durationSeconds(raw) : NaN;
  if (!(seconds > 0)) throw new Error(`${name} must be a duration such as 24h, 30d or a number of seconds, got "${raw}"`);
  return seconds;
}

function flag(name: string, env: NodeJS.ProcessEnv): boolean | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
}

function stackTraces(env: NodeJS.ProcessEnv): boolean {
  const wanted = flag('GRAPHQL_STACK_TRACES', env) ?? false;
  if (wanted && env.NODE_ENV !== 'development') {
    throw new Error('GRAPHQL_STACK_TRACES=true is accepted only with NODE_ENV=development: stack traces show install paths to clients');
  }
  return wanted;
}

function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters, e.g. `openssl rand -base64 24`');
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: integer('PORT', 4000, env, 0),
    databaseUrl: env.DATABASE_URL || null,
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DIR || path.join('.data', 'postgres')),
    embeddedPort: integer('EMBEDDED_PG_PORT', 54329, env),
    poolSize: integer('DATABASE_POOL_SIZE', 10, env),
    databaseConnectTimeoutMs: integer('DATABASE_CONNECT_TIMEOUT_MS', 5000, env),
    databaseReplicaUrls: urlList('DATABASE_REPLICA_URLS', env),
    logLevel: logLevel(env),
    statementTimeoutMs: integer('STATEMENT_TIMEOUT_MS', 15000, env),
    appDatabaseUrl: url('APP_DATABASE_URL', env),
    appDatabasePassword: env.APP_DATABASE_PASSWORD || null,
    jwtSecret: jwtSecret(env),
    jwksUrl: url('JWKS_URL', env),
    jwtIssuer: env.JWT_ISSUER || null,
    jwtAudience: env.JWT_AUDIENCE || null,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    figureCacheMb: integer('FIGURE_CACHE_MB', 32, env, 0),
    graphqlIntrospection: flag('GRAPHQL_INTROSPECTION', env) ?? !env.DATABASE_URL,
    graphqlStackTraces: stackTraces(env),
    metricsToken: metricsToken(env),
    queryLimits: {
      maxDepth: integer('QUERY_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, env),
      maxAliases: integer('QUERY_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, env, 0),
      maxTokens: integer('QUERY_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, env),
      maxCost: integer('QUERY_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, env),
    },
    requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 20000, env),
    jwtMaxTtlSeconds: duration('JWT_MAX_TTL', '24h', env),
    apiKeyMaxTtlSeconds: duration('API_KEY_MAX_TTL', '365d', env),
    rateLimit: {
      pointsPerMinute: integer('RATE_LIMIT_POINTS_PER_MINUTE', 60000, env, 0),
      burst: integer('RATE_LIMIT_BURST', 100000, env),
      failedAuthPerMinute: integer('RATE_LIMIT_FAILED_AUTH_PER_MINUTE', 30, env),
      trustForwardedFor: flag('RATE_LIMIT_TRUST_FORWARDED_FOR', env) ?? false,
    },
    redisUrl: url('REDIS_URL', env),
  };
}
