import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { hasActiveApiKey as activeApiKeyExists } from '../auth/api-key.sql';
import { createAuthenticator } from '../auth/authenticate';
import { Role, SYSTEM_PRINCIPAL } from '../auth/principal';
import { signToken } from '../auth/tokens';
import { Config } from '../config';
import { openDatabase } from '../db/database';
import { RequestDatabase } from '../db/request-database';
import { readOrCreateSecret } from '../db/secrets';
import { createApolloServer, createHttpHandler } from '../graphql/server';
import { seedDemo } from '../seed/seed';
import { createLogger, describeError, Logger, RequestTrace, requestScope } from './logger';
import { createMetrics, Outcome, ServerMetrics } from './metrics';
import { createReadinessCheck } from './readiness';
import { tracePlugin } from './trace-plugin';

/** How long stop() lets requests in flight finish before it closes their connections. */
export const DRAIN_GRACE_MS = 8000;

/** A request id a client may choose; anything else (too long, odd characters) is replaced by a fresh UUID. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

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
}

/** How long the demo token printed by the embedded start stays valid. */
export const DEMO_TOKEN_SECONDS = 30 * 24 * 3600;

async function hasActiveApiKey(dataSource: DataSource): Promise<boolean> {
  const db = new RequestDatabase(dataSource, {}, SYSTEM_PRINCIPAL);
  try {
    return await activeApiKeyExists(db);
  } finally {
    await db.finish(true);
  }
}

function outcomeOf(trace: RequestTrace, status: number, finished: boolean): Outcome {
  if (!finished) return 'aborted';
  if (status >= 500) return 'failed';
  if (trace.errorCodes?.length) return trace.operation ? 'error' : 'rejected';
  if (status >= 400) return 'rejected';
  return 'success';
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/** The whole server: database (migrated; the embedded one seeded), Apollo, HTTP with /health, /ready, /metrics and /graphql. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  let apollo: Awaited<ReturnType<typeof createApolloServer>> | null = null;
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
          'or create an API key first (`npm run apikey -- create --name … --role … --county …`). See README, Authentication.',
      );
    }
    const authenticate = createAuthenticator({ ...config, jwtSecret }, dataSource);
    let demoToken: string | null = null;
    if (database.embedded && jwtSecret) {
      demoToken = await signToken(jwtSecret, { sub: 'demo', role: Role.ADMIN, counties: ['*'] }, DEMO_TOKEN_SECONDS);
      const file = path.join(config.dataDir, 'demo-token');
      writeFileSync(file, `${demoToken}\n`, { mode: 0o600 });
      (options.print ?? ((text) => process.stderr.write(text)))(
        `\nDemo token (ADMIN of every county, valid 30 days; also in ${file}). Send it as:\n\n  Authorization: Bearer ${demoToken}\n\n`,
      );
      logger.info({ file }, 'demo token (ADMIN of every county) printed on stderr and written to the data folder');
    }
    const httpServer = http.createServer();
    apollo = await createApolloServer({
      plugins: [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }), tracePlugin],
      logger,
      stopOnTerminationSignals: false,
    });
    const started = apollo;
    const graphql = createHttpHandler(started, dataSource, { statementTimeoutMs: config.statementTimeoutMs, logger, authenticate });
    const metrics = createMetrics(dataSource, config.poolSize);
    const checkReadiness = createReadinessCheck(dataSource, logger);
    let stopping = false;

    const route = async (path: string, request: http.IncomingMessage, response: http.ServerResponse) => {
      if (request.method === 'GET' && path === '/ready') {
        const readiness = stopping ? ({ ready: false, reason: 'shutting down' } as const) : await checkReadiness();
        if (readiness.ready) sendJson(response, 200, { status: 'ready' });
        else sendJson(response, 503, { status: 'unavailable', reason: readiness.reason });
        return;
      }
      if (request.method === 'GET' && path === '/metrics') {
        const text = await metrics.registry.metrics();
        response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
        return;
      }
      await graphql(request, response);
    };

    httpServer.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      const claimed = request.headers['x-request-id'];
      const id = typeof claimed === 'string' && CLIENT_REQUEST_ID.test(claimed) ? claimed : randomUUID();
      response.setHeader('x-request-id', id);
      const trace: RequestTrace = { id, startedAt: process.hrtime.bigint() };
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const isGraphql = path === '/graphql';
      if (isGraphql) metrics.requestStarted();

      response.once('close', () => {
        const seconds = Number(process.hrtime.bigint() - trace.startedAt) / 1e9;
        const outcome = outcomeOf(trace, response.statusCode, response.writableFinished);
        const errorCodes = trace.errorCodes ?? [];
        if (isGraphql) metrics.requestFinished(trace.operation, outcome, seconds, errorCodes);
        const line = {
          method: request.method,
          path,
          status: response.statusCode,
          durationMs: Math.round(seconds * 1e4) / 10,
          outcome,
          ...(isGraphql ? { operation: trace.operation ?? null, errorCodes } : {}),
        };
        // probes and scrapes only at debug: they come every few seconds
        requestScope.run(trace, () =>
          isGraphql || response.statusCode >= 500 ? logger.info(line, 'request') : logger.debug(line, 'request'),
        );
      });

      requestScope.run(trace, () => {
        route(path, request, response).catch((error) => {
          logger.error({ err: describeError(error) }, 'request failed');
          if (!response.headersSent) sendJson(response, 500, { status: 'error' });
          else response.end();
        });
      });
    });

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
          await database.close();
          logger.info({ durationMs: Date.now() - since }, 'stopped');
        })();
        return stopped;
      },
    };
  } catch (error) {
    await apollo?.stop().catch(() => undefined);
    await database.close();
    throw error;
  }
}
