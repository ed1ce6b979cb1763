import { CoreModel1764000000000 } from './1764000000000-CoreModel';

/** Every migration, in order. The app and the TypeORM CLI (ormconfig.ts) both read this list. */
export const MIGRATIONS = [CoreModel1764000000000];
