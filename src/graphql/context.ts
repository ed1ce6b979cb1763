import { Principal } from '../auth/principal';
import { RequestDatabase } from '../db/request-database';
import { IsoDate } from './dates';
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
