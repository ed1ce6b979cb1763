import { Cell, cellText, normalizeWidth, parseInteger, Parsed } from '../import/values';

/** A patent year as CNIPA exports and county lists write it: 8, "8", "第8年", "第8年度". */
export function parsePatentYear(cell: Cell): Parsed<number> {
  const text =
    typeof cell === 'string'
      ? normalizeWidth(cell)
          .trim()
          .replace(/^第\s*/, '')
      : cell;
  const year = parseInteger(text);
  return year.ok ? year : { ok: false, reason: `"${cellText(cell)}" is not a patent year such as 8 or 第8年` };
}
