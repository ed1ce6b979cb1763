import { RequestDatabase } from '../db/request-database';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { IsoDate, todayInChina } from '../graphql/dates';
import { ImportKind } from './columns';
import { EnterpriseDirectory } from './directory';
import { refusalOf, RowResult, rowLabel, RowStatus, SourceRow } from './report';

export interface ImportOptions {
  countyCode: string;
  kind: ImportKind;
  /** validate and report, write nothing */
  dryRun?: boolean;
  /** apply the good rows even when some are refused (default: all or nothing) */
  partial?: boolean;
  /** enterprises: the category of rows that name none (a list of one category, such as the 高新技术企业 list) */
  category?: EnterpriseCategory | null;
  /** seiConcordance: the version the rows belong to (created, or its title and day updated, by the import) */
  concordance?: { version: string; effectiveFrom: IsoDate; title: string; synthetic?: boolean } | null;
  /** rows per batch (default: 1,000 for patents, 200 otherwise) */
  batchSize?: number;
  /** the day dates that cannot lie ahead are checked against (default: today in China Standard Time) */
  today?: IsoDate;
}

/** One import as the kind importers see it. */
export class ImportRun {
  private readonly keys = new Map<string, string>();
  private directoryLoad: Promise<EnterpriseDirectory> | null = null;

  /** the import's day: a grant, lapse, registration or award after it is refused */
  readonly today: IsoDate;

  constructor(
    readonly db: RequestDatabase,
    readonly options: ImportOptions,
  ) {
    this.today = options.today ?? todayInChina();
  }

  get countyCode(): string {
    return this.options.countyCode;
  }

  /**
   * Claims a row's natural key for the import: null the first time, else the reason the row is refused (a key twice
   * in one file is ambiguous: which row is right?). Holds one short string per row, not the rows.
   */
  claimKey(key: string, row: SourceRow): string | null {
    const earlier = this.keys.get(key);
    if (earlier !== undefined) return `${key} is already in ${earlier} of this import`;
    this.keys.set(key, rowLabel(row));
    return null;
  }

  /** The enterprises the rows may name (loaded once). */
  directory(): Promise<EnterpriseDirectory> {
    this.directoryLoad ??= EnterpriseDirectory.load(this.db, this.countyCode);
    return this.directoryLoad;
  }
}

/** The row number the history gives a row: its row in the file, or its position (from 1) among a GraphQL call's rows. */
export const historyRow = (row: SourceRow): number => row.rowNumber ?? row.index + 1;

/** Tells the history which row the writes that follow come from. */
export function writingRow(db: RequestDatabase, row: SourceRow): void {
  db.describeChange({ row: historyRow(row), rows: null });
}

/** A kind's importer: reads, checks and writes a batch of rows inside the import's transaction. */
export interface KindImporter {
  batchSize: number;
  process(rows: SourceRow[]): Promise<RowResult[]>;
}

class Unchanged extends Error {}

export type RowWrite = { ok: true; status: RowStatus } | { ok: false; path: string; reason: string };

/**
 * Runs one row's writes in a savepoint. `work` answers the row's status by comparing the stored state before and
 * after; when nothing changed, the savepoint is rolled back, so an unchanged row writes nothing at all. A domain
 * function's refusal (BAD_USER_INPUT, a constraint) rolls the row back and is answered as the row's refusal; any
 * other error ends the import.
 */
export async function writeRow(db: RequestDatabase, work: () => Promise<RowStatus>): Promise<RowWrite> {
  try {
    const status = await db.atomically(async () => {
      const result = await work();
      if (result === 'UNCHANGED') throw new Unchanged();
      return result;
    });
    return { ok: true, status };
  } catch (error) {
    if (error instanceof Unchanged) return { ok: true, status: 'UNCHANGED' };
    const refusal = refusalOf(error);
    if (refusal) return { ok: false, ...refusal };
    throw error;
  }
}

export function statusOf(before: string | null, after: string | null): RowStatus {
  if (before === null) return 'CREATED';
  return before === after ? 'UNCHANGED' : 'UPDATED';
}
