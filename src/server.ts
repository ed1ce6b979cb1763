import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { hasActiveApiKey as activeApiKeyExists } from './auth/api-key.sql';
import { createAuthenticator } from './auth/authenticate';
import { SYSTEM_PRINCIPAL } from './auth/principal';
import { Config } from './config';
import { openDatabase } from './db/database';
import { RequestDatabase } from './db/request-database';
import { readOrCreateSecret } from './db/secrets';
import { FigureCache } from './figures/figure-cache';
import { createApolloServer } from './graphql/apollo';
import { Context } from './graphql/context';
import { createHttpHandler } from './http/front';
import { RateLimit, rateLimitOf } from './http/rate-limit';
import { createLogger, Logger } from './ops/logger';
import { createMetrics, knownOperationNames, ServerMetrics } from './ops/metrics';
import { createReadinessCheck } from './ops/readiness';
import { tracePlugin } from './ops/trace-plugin';
import { issueDemoToken } from './seed/demo-token';
import { seedDemo } from './seed/seed';

/** How long stop() lets requests in flight finish before it closes their connections. */
export const DRAIN_GRACE_MS = 8000;

export interface RunningServer {
  /** http://localhost:PORT */
  url: string;
  port: number;
  dataSource: DataSource;
  logger: Logger;
  metrics: ServerMetrics;
  /** embedded start only: a token of an ADMIN of every county, also printed on stderr and kept in DATA_DIR/demo-token */
  demoToken: string | null;
  /**
   * Stops accepting connections, lets requests in flight finish (up to DRAIN_GRACE_MS), then closes the pool and
   * stops the embedded PostgreSQL. Idempotent.
   */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** default: JSON lines on stdout at config.logLevel */
  logger?: Logger;
  /** where the embedded start prints its demo token for a person to copy (default: stderr, away from the JSON log) */
  print?: (text: string) => void;
  /** operation names the metrics may label series with, besides those of schema/operations/ */
  knownOperations?: Iterable<string>;
}

async function hasActiveApiKey(dataSource: DataSource): Promise<boolean> {
  const db = new RequestDatabase(dataSource, {}, SYSTEM_PRINCIPAL);
  try {
    return await activeApiKeyExists(db);
  } finally {
    await db.finish(true);
  }
}

/**
 * The whole server, started and stopped here: the database (migrated; the embedded one seeded, with its demo token),
 * Apollo, and the HTTP front with its route table (src/http/routes.ts). src/main.ts adds the signal handling.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  let apollo: ApolloServer<Context> | null = null;
  let rateLimit: RateLimit | null = null;
  try {
    if (database.embedded && (await seedDemo(database.dataSource))) {
      logger.info('seeded the demo data: the Dianjiang and Chongqing plans and a synthetic Dianjiang set');
    }
    const { dataSource } = database;
    // Embedded (a demo on one machine): a JWT secret of its own, kept across restarts. With DATABASE_URL the
    // operator chooses how callers authenticate; with none of JWT_SECRET, JWKS_URL or an API key nobody could.
    const jwtSecret = config.jwtSecret ?? (database.embedded ? readOrCreateSecret(config.dataDir, 'jwt-secret') : null);
    if (!jwtSecret && !config.jwksUrl && !(await hasActiveApiKey(dataSource))) {
      throw new Error(
        'No way to authenticate callers: set JWT_SECRET (HS256, at least 32 characters, e.g. `openssl rand -base64 48`) or JWKS_URL, ' +
          'or create an API key first (`npm run apikey -- create --name … --role … --county …`). See docs/auth-and-tenancy.md.',
      );
    }
    const authenticate = createAuthenticator({ ...config, jwtSecret }, dataSource);
    let demoToken: string | null = null;
    if (database.embedded && jwtSecret) {
      const print = options.print ?? ((text: string) => process.stderr.write(text));
      const demo = await issueDemoToken(jwtSecret, config.dataDir, config.jwtMaxTtlSeconds, print);
      demoToken = demo.token;
      logger.info({ file: demo.file }, 'demo token (ADMIN of every county) printed on stderr and written to the data folder');
    }
    const httpServer = http.createServer();
    rateLimit = rateLimitOf(config.rateLimit, config.redisUrl, logger);
    apollo = await createApolloServer({
      plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }), tracePlugin],
      logger,
      stopOnTerminationSignals: false,
      introspection: config.graphqlIntrospection,
      stackTraces: config.graphqlStackTraces,
      limits: config.queryLimits,
      rateLimit,
    });
    const started = apollo;
    const metrics = createMetrics(dataSource, config.poolSize, new Set([...knownOperationNames(), ...(options.knownOperations ?? [])]));
    if (!config.metricsToken) logger.info('GET /metrics is off: set METRICS_TOKEN to serve it (to a scraper sending it as a bearer token)');
    const checkReadiness = createReadinessCheck(dataSource, logger);
    let stopping = false;
    httpServer.on(
      'request',
      createHttpHandler({
        apollo: started,
        dataSource,
        authenticate,
        databaseOptions: {
          statementTimeoutMs: config.statementTimeoutMs,
          requestTimeoutMs: config.requestTimeoutMs,
          policy: { apiKeyMaxTtlSeconds: config.apiKeyMaxTtlSeconds },
          figures: new FigureCache(config.figureCacheMb * 1024 * 1024),
        },
        readiness: async () => (stopping ? { ready: false, reason: 'shutting down' } : checkReadiness()),
        metrics,
        metricsToken: config.metricsToken,
        rateLimit,
        logger,
        demoToken,
      }),
    );

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://localhost:${port}`;
    logger.info(
      {
        url: `${url}/graphql`,
        database: database.embedded ? `embedded PostgreSQL, data in ${config.embeddedDataDir}` : 'DATABASE_URL',
        readReplicas: (dataSource.driver as unknown as { slaves?: unknown[] }).slaves?.length ?? 0,
      },
      `GraphQL API at ${url}/graphql`,
    );

    let stopped: Promise<void> | null = null;
    return {
      url,
      port,
      dataSource,
      logger,
      metrics,
      demoToken,
      stop() {
        stopped ??= (async () => {
          stopping = true;
          const since = Date.now();
          // Apollo's drain plugin: closes the listener and idle connections, waits for requests in flight
          await started.stop();
          await rateLimit?.close();
          await database.close();
          logger.info({ durationMs: Date.now() - since }, 'stopped');
        })();
        return stopped;
      },
    };
  } catch (error) {
    await apollo?.stop().catch(() => undefined);
    await rateLimit?.close();
    await database.close();
    throw error;
  }
}
