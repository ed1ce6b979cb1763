import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, created on first use. A loader is named by what it loads and by the
 * arguments that change the answer (asOf, a page size), so `(id, asOf)` pairs batch per asOf.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, args: unknown[], batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    const key = JSON.stringify([name, ...args]);
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>;
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders rows found for `keys` as DataLoader wants them: one entry per key, `missing` where none was found. */
export function byKey<K, Row, V = Row>(
  keys: readonly K[],
  rows: Row[],
  keyOf: (row: Row) => K,
  missing: V,
  valueOf: (row: Row) => V = (row) => row as unknown as V,
): V[] {
  const found = new Map<K, V>(rows.map((row) => [keyOf(row), valueOf(row)]));
  return keys.map((key) => (found.has(key) ? (found.get(key) as V) : missing));
}

/** Groups rows under `keys`: one (possibly empty) list per key, rows in their given order. */
export function groupByKey<K, Row, V = Row>(
  keys: readonly K[],
  rows: Row[],
  keyOf: (row: Row) => K,
  valueOf: (row: Row) => V = (row) => row as unknown as V,
): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(valueOf(row));
  return keys.map((key) => groups.get(key) ?? []);
}
