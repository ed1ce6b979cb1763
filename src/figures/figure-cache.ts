/**
 * County-wide figures (high-value counts, breakthrough summaries, target-gap pages, indicators) kept in memory between
 * requests, per server process, under the county's data version (migration InventionSpans: county_data_version, raised
 * at the commit of every transaction that changed anything such a figure reads).
 *
 * Why it is correct:
 * - An entry's key holds the version read in the request's own transaction, before the figure is computed in a later
 *   statement of it; versions only grow, so an entry holds the figure of its version or of a later one, never of an
 *   earlier one. After a write commits, every read sees a version at least as new: it never meets the old figure.
 * - Only read-only requests (query operations) use it: a transaction that wrote has changed data whose version is raised
 *   only at its commit, so what it would compute must not be kept under the version it reads.
 * - A county-wide figure is the same for every caller allowed to ask for it (requireCountyWide: staff whose scope holds
 *   the county see all its rows), so the key needs no caller; callers who cannot see the county read no version and
 *   are answered without the cache.
 * - Several server processes each keep their own entries; the version in the database is what they share.
 *
 * Entries are evicted least recently used first, beyond a budget of bytes (FIGURE_CACHE_MB; 0 turns the cache off).
 */
export class FigureCache {
  private readonly entries = new Map<string, { value: unknown; bytes: number }>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0;
  }

  /** The entry kept under `key`, now the most recently used; undefined when there is none. */
  get(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Keeps a value (frozen: every request that reads it shares it), evicting the least recently used beyond the budget. */
  set(key: string, value: unknown): void {
    if (!this.enabled) return;
    const bytes = 2 * (key.length + JSON.stringify(value).length);
    if (bytes > this.maxBytes / 4) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= previous.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { value: deepFreeze(value), bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
