/**
 * One CSV field, for every CSV the server and its commands write (the exports, the import report): RFC 4180 quoting,
 * and text that a spreadsheet would run as a formula neutralised (OWASP, CSV injection).
 *
 * Excel, LibreOffice and Google Sheets take a cell that starts with `=`, `+`, `-` or `@` as a formula — a tab or a
 * carriage return first does not stop them — and an enterprise named `=HYPERLINK("http://…","点击")` or `@SUM(…)`
 * would run in the official's spreadsheet. Such a text cell gets an apostrophe in front (`'=HYPERLINK(…)`: shown as
 * text, the apostrophe visible in the cell) and is always quoted.
 *
 * Numbers are not text: a numeric cell (a count, an amount, a ratio, a percentage the server formats from a number) is
 * written as the number, so a legitimate negative number stays `-3.5` and still reads as a number. Only text — names
 * and anything else that comes from people — is neutralised.
 */

/** The first characters that make a spreadsheet read a cell as a formula (OWASP: = + - @, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A text cell: neutralised when it would be a formula, quoted when it holds a quote, comma, or line end. */
export function csvTextField(text: string): string {
  if (FORMULA_START.test(text)) return quote(`'${text}`);
  return /[",\r\n]/.test(text) ? quote(text) : text;
}

/** A cell of either kind: a number is a number, a string is text; null is empty. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : csvTextField(value);
}
