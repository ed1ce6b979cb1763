import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal';
import { RequestDatabase, RequestDatabaseOptions } from '../db/request-database';
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
}

/**
 * A request's context: its transaction opens (lazily) under Row Level Security for `principal`, on a read replica when
 * the operation is a query (readRoutingPlugin; DATABASE_REPLICA_URLS), else on the primary.
 */
export function createContext(dataSource: DataSource, principal: Principal, options: RequestDatabaseOptions = {}): Context {
  const route = requestRoute();
  const db = new RequestDatabase(dataSource, { ...options, target: route.target }, principal);
  route.attach(db);
  return { db, loaders: new Loaders(), today: todayInChina(), principal };
}
