import { ApolloServer } from '@apollo/server';
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { DataSource } from 'typeorm';
import { Authenticate } from '../auth/authenticate';
import { Principal } from '../auth/principal';
import { explorerHandler } from '../explorer/explorer';
import { exportHandler } from '../export/http';
import { Context, ContextOptions, createContext } from '../graphql/context';
import { methodNotAllowed, unauthenticated } from '../graphql/errors';
import { graphqlHandler } from '../graphql/http';
import { ServerMetrics } from '../ops/metrics';
import { Readiness } from '../ops/readiness';
import { sendError, sendJson } from './answers';
import { authenticateOr401 } from './credentials';
import { RateLimit } from './rate-limit';

/** What a route's handler is given: the parsed URL and, on a route that needs credentials, the caller. */
export interface RouteRequest {
  url: URL;
  /** null on a route that needs no credentials */
  principal: Principal | null;
}

export type RouteHandler = (request: http.IncomingMessage, response: http.ServerResponse, route: RouteRequest) => Promise<void>;

/** One entry of the route table: which requests it takes, and who answers them. */
export interface Route {
  /** the methods it answers; a request to its path with another method answers 405 with `Allow` */
  methods: readonly string[];
  /** the exact path, or a prefix when it ends with '/' (e.g. '/export/') */
  path: string;
  /**
   * a media type the request's Accept header must prefer over JSON (e.g. 'text/html' for a page shown to a browser);
   * a request that does not is left to the next route of the same path
   */
  accepts?: string;
  /** credentials required: 401 UNAUTHENTICATED before the handler runs without valid ones (src/http/credentials.ts) */
  authenticated: boolean;
  handler: RouteHandler;
}

/** What the application's routes are built from. */
export interface AppRoutesOptions {
  apollo: ApolloServer<Context>;
  /** the application's pool (the app login: Row Level Security holds) */
  dataSource: DataSource;
  /** the caller of a request from its Authorization header (src/auth/authenticate.ts) */
  authenticate: Authenticate;
  /** how each request's transaction opens (statement timeout) and its time budget */
  databaseOptions?: ContextOptions;
  /** GET /ready: absent, no such route (a test's server) */
  readiness?: () => Promise<Readiness>;
  /** GET /metrics, with `metricsToken`: absent, no such route */
  metrics?: ServerMetrics;
  /** the bearer token GET /metrics requires (METRICS_TOKEN); without one there is no /metrics */
  metricsToken?: string | null;
  /** the embedded demo start's token, which the explorer fills in for a browser on this machine */
  demoToken?: string | null;
}

/**
 * The route table of the server: every path it answers, in the order they are tried. A request takes the first route
 * whose path (and `accepts`, when the route has one) matches and whose methods include the request's; a path no route
 * has answers 404.
 */
export function appRoutes(options: AppRoutesOptions): Route[] {
  const context = (principal: Principal) => createContext(options.dataSource, principal, options.databaseOptions);
  const graphql = graphqlHandler(options);
  const exports = exportHandler(context);
  const explorer = explorerHandler({ demoToken: options.demoToken });
  const { readiness, metrics, metricsToken } = options;
  return [
    {
      // liveness: the process answers; it does not touch the database
      methods: ['GET'],
      path: '/health',
      authenticated: false,
      handler: async (_, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      },
    },
    ...(readiness
      ? [
          {
            methods: ['GET'],
            path: '/ready',
            authenticated: false,
            handler: async (_: http.IncomingMessage, response: http.ServerResponse) => {
              const state = await readiness();
              if (state.ready) sendJson(response, 200, { status: 'ready' });
              else sendJson(response, 503, { status: 'unavailable', reason: state.reason });
            },
          },
        ]
      : []),
    ...(metrics && metricsToken
      ? [
          {
            // for the scraper only: its own token, not a caller's credentials (series hold operation names and load)
            methods: ['GET'],
            path: '/metrics',
            authenticated: false,
            handler: async (request: http.IncomingMessage, response: http.ServerResponse) => {
              if (!bearerIs(request.headers.authorization, metricsToken)) {
                sendError(response, unauthenticated('Unauthenticated: /metrics needs Authorization: Bearer <METRICS_TOKEN>'), {
                  'www-authenticate': 'Bearer realm="metrics"',
                });
                return;
              }
              const text = await metrics.registry.metrics();
              response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
            },
          },
        ]
      : []),
    // Pages for people, before the API routes of the same path: a route with `accepts: 'text/html'` takes only the
    // requests a browser sends (Accept preferring HTML), and needs no credentials. The explorer (src/explorer/):
    { methods: ['GET'], path: '/', accepts: 'text/html', authenticated: false, handler: explorer },
    { methods: ['GET'], path: '/graphql', accepts: 'text/html', authenticated: false, handler: explorer },
    { methods: ['GET'], path: '/explorer/', authenticated: false, handler: explorer },
    { methods: ['GET'], path: '/schema.graphql', authenticated: false, handler: explorer },
    {
      methods: ['GET', 'POST'],
      path: '/graphql',
      authenticated: true,
      handler: (request, response, { url, principal }) => graphql(request, response, url, principal!),
    },
    {
      methods: ['GET', 'HEAD'],
      path: '/export/',
      authenticated: true,
      handler: (request, response, { url, principal }) => exports(request, response, url, principal!),
    },
  ];
}

/** `Authorization: Bearer <expected>`, compared in constant time. */
function bearerIs(authorization: string | undefined, expected: string): boolean {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]), digest(expected));
}

const JSON_TYPES = ['application/json', 'application/graphql-response+json', 'application/*', '*/*'];

/**
 * True when an Accept header prefers `type` (e.g. text/html) to every JSON type: a browser's `text/html,…,*\/*;q=0.8`
 * does, `*\/*` (curl) and `application/json` do not. Only `type` itself or its `major/*` count for it; `*\/*` counts
 * for JSON.
 */
export function prefers(accept: string | undefined, type: string): boolean {
  if (!accept) return false;
  const major = `${type.split('/')[0]}/*`;
  let wanted = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2) ?? 1,
    );
    const quality = Number.isFinite(q) ? q : 0;
    const mediaRange = range.trim();
    if (mediaRange === type || mediaRange === major) wanted = Math.max(wanted, quality);
    if (JSON_TYPES.includes(mediaRange)) json = Math.max(json, quality);
  }
  return wanted > 0 && wanted > json;
}

function pathMatches(route: Route, path: string): boolean {
  return route.path.endsWith('/') && route.path !== '/' ? path.startsWith(route.path) : path === route.path;
}

/**
 * Answers a request by the route table: the matching route's handler, after authenticating it when the route needs
 * credentials; 405 with `Allow` when the path is known and the method is not; 404 otherwise.
 */
export function routeRequest(routes: readonly Route[], authenticate: Authenticate, rateLimit: RateLimit | null = null) {
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const candidates = routes.filter(
      (route) => pathMatches(route, url.pathname) && (!route.accepts || prefers(request.headers.accept, route.accepts)),
    );
    const route = candidates.find((candidate) => candidate.methods.includes(request.method ?? 'GET'));
    if (!route) {
      if (candidates.length === 0) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the API is at /graphql');
        return;
      }
      const allowed = [...new Set(candidates.flatMap((candidate) => candidate.methods))].join(', ');
      sendError(response, methodNotAllowed(`${url.pathname} answers ${allowed}`), { allow: allowed });
      return;
    }
    let principal: Principal | null = null;
    if (route.authenticated) {
      principal = await authenticateOr401(request, response, authenticate, rateLimit);
      if (!principal) return;
    }
    await route.handler(request, response, { url, principal });
  };
}
