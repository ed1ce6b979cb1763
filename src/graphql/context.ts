import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { RequestDatabase, RequestDatabaseOptions } from '../db/request-database';
import { FigureCache } from '../figures/figure-cache';
import { requestScope } from '../ops/logger';
import { requestRoute } from '../ops/replicas';
import { IsoDate, todayInChina } from './dates';
import { Loaders } from './loaders';

export interface Context {
  /** the request's transaction, under Row Level Security for `principal` */
  db: RequestDatabase;
  loaders: Loaders;
  /** today in China Standard Time, fixed once per request: the default of every asOf */
  today: IsoDate;
  /** the authenticated caller */
  principal: Principal;
  /** county-wide figures kept between requests (the server's one cache; a disabled one where there is none) */
  figures: FigureCache;
  /** the operation's cost (src/graphql/query-limits.ts), once computed */
  cost?: number;
  /** settings rules of the API need (absent: their defaults) */
  policy?: Policy;
}

/** The settings of src/config.ts that rules of the API read. */
export interface Policy {
  /** API_KEY_MAX_TTL */
  apiKeyMaxTtlSeconds: number;
}

export interface ContextOptions extends Omit<RequestDatabaseOptions, 'budget' | 'target'> {
  /** the request's time budget, from its arrival (REQUEST_TIMEOUT_MS) */
  requestTimeoutMs?: number;
  policy?: Policy;
  /** FIGURE_CACHE_MB's cache; absent: nothing is kept */
  figures?: FigureCache;
}

/** The cache of contexts made without one: it keeps nothing. */
export const NO_FIGURE_CACHE = new FigureCache(0);

/**
 * A request's context: its transaction opens (lazily) under Row Level Security for `principal`, on a read replica when
 * the operation is a query (readRoutingPlugin; DATABASE_REPLICA_URLS), else on the primary.
 */
export function createContext(dataSource: DataSource, principal: Principal, options: ContextOptions = {}): Context {
  const route = requestRoute();
  const { requestTimeoutMs, policy, figures = NO_FIGURE_CACHE, ...databaseOptions } = options;
  const budget = requestTimeoutMs
    ? { budgetMs: requestTimeoutMs, deadline: (requestScope.getStore()?.receivedAt ?? Date.now()) + requestTimeoutMs }
    : undefined;
  const db = new RequestDatabase(dataSource, { ...databaseOptions, budget, target: route.target }, principal);
  route.attach(db);
  return { db, loaders: new Loaders(), today: todayInChina(), principal, policy, figures };
}
