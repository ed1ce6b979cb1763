/** What an import answers: one result per row, and totals. */
import { ValidationError } from 'class-validator';
import { validate } from 'class-validator';
import { GraphQLError } from 'graphql';
import { IsoDate } from '../graphql/dates';
import { futureProblems } from '../graphql/not-after-today';
import { ImportKind } from './columns';
import { Cell } from './values';

export type RowStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REFUSED';
export const ROW_STATUSES: RowStatus[] = ['CREATED', 'UPDATED', 'UNCHANGED', 'REFUSED'];

export interface Problem {
  /** the field of the kind's import row, e.g. "filingDate" */
  field: string;
  /** the header of the file's column for that field, e.g. "申请日"; null through the GraphQL door */
  column: string | null;
  reason: string;
}

export interface RowResult {
  /** 0-based position among the data rows (the index in `rows` through the GraphQL door) */
  index: number;
  /** the row number a spreadsheet program shows (the header row counts); null through the GraphQL door */
  rowNumber: number | null;
  status: RowStatus;
  /** the row's natural key, normalized (application number, credit code + category + validFrom, …); null when unreadable */
  key: string | null;
  problems: Problem[];
  warnings: Problem[];
}

export interface ImportTotals {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

export interface ImportSummary {
  kind: ImportKind;
  countyCode: string;
  dryRun: boolean;
  partial: boolean;
  /** the good rows' changes were kept: false for a dry run and when all or nothing met a refused row */
  applied: boolean;
  totals: ImportTotals;
}

export function emptyTotals(): ImportTotals {
  return { rows: 0, created: 0, updated: 0, unchanged: 0, refused: 0 };
}

export function count(totals: ImportTotals, status: RowStatus): void {
  totals.rows++;
  totals[status.toLowerCase() as Lowercase<RowStatus>]++;
}

/** A row as the importers read it: fields by name (a field not in the file, or not given, is absent), and their headers. */
export interface SourceRow {
  index: number;
  rowNumber: number | null;
  values: Map<string, Cell>;
  /** the column each field came from, with the power of ten its unit scales numbers by */
  columns: Map<string, { header: string; power: number }>;
}

/** Collects a row's problems and warnings, naming the column each field came from. */
export class RowReport {
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

  constructor(readonly row: SourceRow) {}

  private problem(field: string, reason: string, columnOf: string[] = [field]): Problem {
    const column = columnOf.map((name) => this.row.columns.get(name)?.header).find((header) => header !== undefined) ?? null;
    return { field, column, reason };
  }

  refuse(field: string, reason: string, columnOf?: string[]): void {
    if (!this.problems.some((p) => p.field === field && p.reason === reason)) this.problems.push(this.problem(field, reason, columnOf));
  }

  /** A validation problem of a field that has none yet (a cell that could not be read is not also "invalid"). */
  refuseOnce(field: string, reason: string, columnOf?: string[]): void {
    if (!this.problems.some((p) => p.field === field)) this.refuse(field, reason, columnOf);
  }

  warn(field: string, reason: string, columnOf?: string[]): void {
    this.warnings.push(this.problem(field, reason, columnOf));
  }

  get refused(): boolean {
    return this.problems.length > 0;
  }

  result(status: RowStatus, key: string | null): RowResult {
    return {
      index: this.row.index,
      rowNumber: this.row.rowNumber,
      status: this.refused ? 'REFUSED' : status,
      key,
      problems: this.problems,
      warnings: this.warnings,
    };
  }
}

/** "row 12" in a file, "rows[3]" through the GraphQL door. */
export function rowLabel(row: { index: number; rowNumber: number | null }): string {
  return row.rowNumber === null ? `rows[${row.index}]` : `row ${row.rowNumber}`;
}

/**
 * Runs class-validator on an input object with the options of the GraphQL argument validation
 * (src/graphql/validation.ts), and the check of days that cannot lie ahead against the import's day, and answers
 * every failing property path with its reason.
 */
export async function validationProblems(input: object, today: IsoDate): Promise<{ path: string; reason: string }[]> {
  const errors = await validate(input, { skipMissingProperties: true, forbidUnknownValues: false });
  return [...errors.flatMap((error) => flatten(error, '')), ...futureProblems(input, today)];
}

function flatten(error: ValidationError, parent: string): { path: string; reason: string }[] {
  const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((reason) => ({ path, reason }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, path))];
}

/** The field and reason of a domain function's BAD_USER_INPUT refusal ("input.ownerCreditCodes[1]" → "ownerCreditCodes[1]"). */
export function refusalOf(error: unknown): { path: string; reason: string } | null {
  // CONFLICT: a deleted record's key (an ADMIN may restore it), or a version that moved on; FORBIDDEN: a row outside the
  // caller's counties (e.g. a pledge of another county's patent), refused like a row Row Level Security refuses
  if (error instanceof GraphQLError && ['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN'].includes(String(error.extensions?.code))) {
    const field = typeof error.extensions.field === 'string' ? error.extensions.field : 'input';
    const reason = typeof error.extensions.reason === 'string' ? error.extensions.reason : error.message;
    return { path: field.replace(/^input\.?/, ''), reason };
  }
  const pg = error as { code?: string; constraint?: string; detail?: string };
  if (typeof pg?.code === 'string' && /^23/.test(pg.code)) {
    return { path: '', reason: `violates ${pg.constraint ?? 'a database constraint'}${pg.detail ? `: ${pg.detail}` : ''}` };
  }
  if (pg?.code === '42501') return { path: '', reason: "not allowed: the write is outside the caller's counties or role" };
  return null;
}
