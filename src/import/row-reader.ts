import { RowReport } from './report';
import { Cell, cellText, isBlank, Parsed, parseAmount, parseDate, parseInteger, splitList } from './values';

/**
 * Reads the fields of one row. Each getter answers `undefined` when the field is absent (its column is not in the
 * file, or the GraphQL row leaves it out), `null` when it is blank, and the value otherwise; a value that cannot be
 * read is recorded as the row's problem (and answered as `undefined`).
 */
export class RowReader {
  constructor(readonly report: RowReport) {}

  private get row() {
    return this.report.row;
  }

  has(field: string): boolean {
    return this.row.values.has(field);
  }

  cell(field: string): Cell {
    return this.row.values.get(field);
  }

  private read<T>(field: string, required: boolean, parse: (cell: Cell) => Parsed<T>): T | null | undefined {
    const cell = this.cell(field);
    if (isBlank(cell)) {
      if (required) this.report.refuse(field, 'is required');
      return this.has(field) ? null : undefined;
    }
    const parsed = parse(cell);
    if (parsed.ok) return parsed.value;
    this.report.refuse(field, parsed.reason);
    return undefined;
  }

  text(field: string, required = false): string | null | undefined {
    return this.read(field, required, (cell) => ({ ok: true, value: cellText(cell) }));
  }

  date(field: string, required = false): string | null | undefined {
    return this.read(field, required, parseDate);
  }

  /** an amount in yuan, scaled by the unit of its column's header */
  amount(field: string, required = false): string | null | undefined {
    const power = this.row.columns.get(field)?.power ?? 0;
    return this.read(field, required, (cell) => parseAmount(cell, power));
  }

  integer(field: string, required = false): number | null | undefined {
    const power = this.row.columns.get(field)?.power ?? 0;
    return this.read(field, required, (cell) => parseInteger(cell, power));
  }

  list(field: string, required = false): string[] | null | undefined {
    return this.read(field, required, (cell) => ({ ok: true, value: splitList(cell) }));
  }

  /** a value parsed by `parse` (labels, identifiers) */
  parsed<T>(field: string, parse: (cell: Cell) => Parsed<T>, required = false): T | null | undefined {
    return this.read(field, required, parse);
  }
}
