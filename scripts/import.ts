import 'reflect-metadata';
import { createWriteStream, WriteStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { csvField } from '../src/export/csv';
import { EnterpriseCategory } from '../src/enterprise/enterprise-category';
import { IMPORT_KINDS, ImportKind } from '../src/import/columns';
import { FileImportSummary, ImportFileError, importFile } from '../src/import/import.service';
import { RowResult } from '../src/import/report';
import { FileSource } from '../src/import/source';
import { parseCategory } from '../src/import/values';
import { asCountyAdmin } from './county-admin';

const USAGE = `npm run import -- --county 500231 --kind KIND FILE [--dry-run] [--partial] [--category CATEGORY] [--report REPORT.csv]

Imports an official list (CSV in UTF-8 or GB18030/GBK, or XLSX) into DATABASE_URL, or the embedded database (the
running embedded server's, or one started for the command), as an ADMIN of the county.

  --kind       enterprises | patents | pledge-financings | county-statistics | patent-transactions | overseas-grants | sei-concordance
  --county     the six-digit county code the rows belong to
  --dry-run    check every row and report, write nothing
  --partial    write the good rows even when some are refused (default: all or nothing)
  --category   enterprises: the category of a list without a 类别 column (HIGH_TECH, SPECIALIZED_NEW,
               LISTED_CULTIVATION, or 高新技术企业 / 专精特新 / 上市培育)
  --report     also write every row's result to a CSV file (UTF-8 with BOM: Excel opens it as it is)
  --concordance-version, --effective-from, --title [--synthetic]
               sei-concordance: the version of the 参照关系表, the day it takes effect (YYYY-MM-DD), its title;
               --synthetic marks an example that is not the official table

Exit status: 0 when no row was refused, 1 when some were (with --partial the good rows were written; without it
nothing was), 2 when the file or the command could not be used. docs/import.md
lists the column names each kind understands.`;

const KIND_NAMES: Record<string, ImportKind> = Object.fromEntries(
  IMPORT_KINDS.flatMap((kind) => [
    [kind.toLowerCase(), kind],
    [kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), kind],
  ]),
);

class UsageError extends Error {}

interface Arguments {
  county: string;
  kind: ImportKind;
  file: string;
  dryRun: boolean;
  partial: boolean;
  category: EnterpriseCategory | null;
  report: string | null;
  concordance: { version: string; effectiveFrom: string; title: string; synthetic: boolean } | null;
}

function readArguments(argv: string[]): Arguments {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        county: { type: 'string' },
        kind: { type: 'string' },
        'dry-run': { type: 'boolean' },
        partial: { type: 'boolean' },
        category: { type: 'string' },
        report: { type: 'string' },
        'concordance-version': { type: 'string' },
        'effective-from': { type: 'string' },
        title: { type: 'string' },
        synthetic: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const county = values.county ?? '';
  if (!/^\d{6}$/.test(county)) throw new UsageError(`--county must be a six-digit county code, got "${county}"`);
  const kind = KIND_NAMES[(values.kind ?? '').toLowerCase()];
  if (!kind)
    throw new UsageError(
      `--kind must be one of enterprises, patents, pledge-financings, county-statistics, patent-transactions, overseas-grants, sei-concordance; got "${values.kind ?? ''}"`,
    );
  if (positionals.length !== 1) throw new UsageError(`give exactly one FILE, got ${positionals.length}`);
  let category: EnterpriseCategory | null = null;
  if (values.category !== undefined) {
    if (kind !== 'enterprises') throw new UsageError('--category is for --kind enterprises');
    const read = parseCategory(values.category);
    if (!read.ok) throw new UsageError(`--category: ${read.reason}`);
    category = read.value;
  }
  let concordance: Arguments['concordance'] = null;
  if (kind === 'seiConcordance') {
    const version = values['concordance-version']?.trim() ?? '';
    const effectiveFrom = values['effective-from'] ?? '';
    const title = values.title?.trim() ?? '';
    if (!version) throw new UsageError('--kind sei-concordance needs --concordance-version');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom)))
      throw new UsageError(`--effective-from must be a day YYYY-MM-DD, got "${effectiveFrom}"`);
    if (!title) throw new UsageError('--kind sei-concordance needs --title');
    concordance = { version, effectiveFrom, title, synthetic: values.synthetic ?? false };
  } else if (values['concordance-version'] !== undefined || values['effective-from'] !== undefined || values.title !== undefined) {
    throw new UsageError('--concordance-version, --effective-from and --title are for --kind sei-concordance');
  }
  // npm runs scripts in the package folder: paths are the caller's
  const cwd = process.env.INIT_CWD ?? process.cwd();
  return {
    county,
    kind,
    file: path.resolve(cwd, positionals[0]),
    dryRun: values['dry-run'] ?? false,
    partial: values.partial ?? false,
    category,
    report: values.report ? path.resolve(cwd, values.report) : null,
    concordance,
  };
}

// ------------------------------------------------------------------------------------------ progress and report

const number = (n: number) => n.toLocaleString('en-US');

/** Columns of CJK text: a terminal gives a Chinese character two cells. */
const width = (text: string) =>
  [...text].reduce(
    (sum, c) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
    0,
  );
const pad = (text: string, cells: number) => text + ' '.repeat(Math.max(0, cells - width(text)));

/** One line on a terminal, rewritten in place at most five times a second; nothing when stderr is not a terminal. */
class Progress {
  private source: FileSource | null = null;
  private rows = 0;
  private refused = 0;
  private last = 0;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY === true;

  opened(source: FileSource): void {
    this.source = source;
  }

  row(result: RowResult): void {
    this.rows++;
    if (result.status === 'REFUSED') this.refused++;
  }

  tick(final = false): void {
    if (!this.tty) return;
    const now = Date.now();
    if (!final && now - this.last < 200) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const share = this.source && this.source.size > 0 ? Math.min(1, this.source.bytesRead / this.source.size) : 0;
    const cells = 24;
    const bar = '█'.repeat(Math.round(share * cells)).padEnd(cells, '░');
    const rate = seconds > 0 ? Math.round(this.rows / seconds) : 0;
    process.stderr.write(
      `\r${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${number(this.rows)} rows  ${number(rate)} rows/s  ${number(this.refused)} refused ` +
        (final ? '\n' : ''),
    );
  }
}

/** Every row's result as CSV, one line per problem or warning (a row without either has one line). */
class ReportFile {
  private readonly out: WriteStream;

  constructor(file: string) {
    this.out = createWriteStream(file);
    this.out.write(
      '\uFEFF' + ['行号 row', '结果 status', '键 key', '类型 kind', '字段 field', '列 column', '原因 reason'].join(',') + '\n',
    );
  }

  row(result: RowResult): void {
    const lines = [
      ...result.problems.map((p) => ['problem', p.field, p.column, p.reason] as const),
      ...result.warnings.map((p) => ['warning', p.field, p.column, p.reason] as const),
    ];
    const where = result.rowNumber ?? result.index;
    const head = [where, result.status, result.key];
    if (lines.length === 0) this.out.write([...head, '', '', '', ''].map(csvField).join(',') + '\n');
    for (const line of lines) this.out.write([...head, ...line].map(csvField).join(',') + '\n');
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

const SHOWN_ROWS = 50;

function printSummary(args: Arguments, summary: FileImportSummary, refused: RowResult[], warned: RowResult[], seconds: number): void {
  const { totals, header } = summary;
  const where = `${summary.format.toUpperCase()}${summary.encoding ? ` (${summary.encoding === 'utf8' ? 'UTF-8' : summary.encoding.toUpperCase()})` : ''}`;
  console.log(
    `\n${path.basename(args.file)}: ${where}, header in row ${header.rowNumber}${header.sheet > 1 ? ` of sheet ${header.sheet}` : ''}`,
  );
  const read = header.mapping.columns.filter((c) => c !== null).map((c) => `${c!.header} → ${c!.spec.field}`);
  console.log(`columns read: ${read.join(', ')}`);
  if (header.mapping.ignored.length) console.log(`columns ignored: ${header.mapping.ignored.join(', ')}`);
  console.log('');
  const table: [string, string, number][] = [
    ['created', '新增', totals.created],
    ['updated', '更新', totals.updated],
    ['unchanged', '无变化', totals.unchanged],
    ['refused', '拒绝', totals.refused],
    ['rows', '合计', totals.rows],
  ];
  const digits = Math.max(...table.map(([, , n]) => number(n).length));
  for (const [en, zh, n] of table) console.log(`  ${pad(en, 10)}${pad(zh, 8)}${number(n).padStart(digits)}`);
  console.log(`  ${(totals.rows / Math.max(seconds, 0.001)).toFixed(0)} rows/s, ${seconds.toFixed(1)} s`);

  const lines = (results: RowResult[], pick: (r: RowResult) => RowResult['problems']) =>
    results.flatMap((r) =>
      pick(r).map(
        (p) => `  ${pad(r.rowNumber === null ? `#${r.index}` : `row ${r.rowNumber}`, 10)} ${pad(p.column ?? p.field, 16)} ${p.reason}`,
      ),
    );
  if (refused.length) {
    console.log(
      `\nRefused rows${totals.refused > refused.length ? ` (the first ${refused.length} of ${number(totals.refused)}; --report writes all)` : ''}:`,
    );
    console.log(lines(refused, (r) => r.problems).join('\n'));
  }
  if (warned.length) {
    console.log(`\nWarnings${warned.length >= SHOWN_ROWS ? ` (the first ${SHOWN_ROWS} rows; --report writes all)` : ''}:`);
    console.log(lines(warned, (r) => r.warnings).join('\n'));
  }
  console.log('');
  if (summary.dryRun) console.log('Dry run: nothing was written.');
  else if (!summary.applied)
    console.log(`Nothing was written: ${number(totals.refused)} row(s) refused (all or nothing; --partial writes the good rows).`);
  else if (totals.refused) console.log(`Written: the good rows; the ${number(totals.refused)} refused row(s) were not (--partial).`);
  else console.log('Written.');
}

// ------------------------------------------------------------------------------------------------------- main

async function run(): Promise<number> {
  const args = readArguments(process.argv.slice(2));
  const report = args.report ? new ReportFile(args.report) : null;
  const progress = new Progress();
  const refused: RowResult[] = [];
  const warned: RowResult[] = [];
  const started = Date.now();
  try {
    const summary = await asCountyAdmin(
      'import-cli',
      args.county,
      () => true,
      (db) =>
        importFile(
          db,
          args.file,
          {
            countyCode: args.county,
            kind: args.kind,
            dryRun: args.dryRun,
            partial: args.partial,
            category: args.category,
            concordance: args.concordance,
          },
          {
            opened: (source) => progress.opened(source),
            row: (result) => {
              progress.row(result);
              report?.row(result);
              if (result.status === 'REFUSED' && refused.length < SHOWN_ROWS) refused.push(result);
              if (result.warnings.length && warned.length < SHOWN_ROWS) warned.push(result);
            },
            progress: () => progress.tick(),
          },
        ),
    );
    progress.tick(true);
    printSummary(args, summary, refused, warned, (Date.now() - started) / 1000);
    return summary.totals.refused > 0 ? 1 : 0;
  } finally {
    await report?.close();
  }
}

run().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof ImportFileError) console.error(`Cannot import: ${error.message}`);
    else if ((error as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT')
      console.error(`Cannot import: ${(error as Error).message}`);
    else console.error(error);
    process.exit(2);
  },
);
