import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORT_KINDS, exportTable, ExportKind } from '../src/export/export-tables';
import { EXPORT_FORMATS, ExportFormat, render } from '../src/export/formats';
import { Context, NO_FIGURE_CACHE } from '../src/graphql/context';
import { isIsoDate, todayInChina } from '../src/graphql/dates';
import { Loaders } from '../src/graphql/loaders';
import { asCountyAdmin } from './county-admin';

const USAGE = `npm run export -- --county 500231 --what gaps|indicators|support|alerts|candidates [--format xlsx|csv] [--as-of YYYY-MM-DD] [--only-unmet] [--days N] --out FILE

Writes what officials send upward — a county's target-gap list (企业目标差距清单) or its indicator table (主要指标完成情况)
— as XLSX or CSV (UTF-8 with BOM, so Excel shows the Chinese), with Chinese headers, from DATABASE_URL or the
embedded database, as an ADMIN of the county. The same figures as GraphQL targetGaps and County.indicators.

  --county      the six-digit county code
  --what        gaps | indicators | support (支持措施兑现清单 of the year of --as-of) | alerts (预警清单) | candidates (高价值专利培育清单)
  --format      xlsx | csv (default: the extension of --out)
  --as-of       the day the figures are taken on (default: today, China Standard Time)
  --only-unmet  gaps: only the rows not met
  --days        alerts: the window (default 90); candidates: the horizon (default 365)
  --out         the file to write`;

class UsageError extends Error {}

interface Arguments {
  county: string;
  what: ExportKind;
  format: ExportFormat;
  asOf: string | null;
  onlyUnmet: boolean;
  days: number | null;
  out: string;
}

function readArguments(argv: string[]): Arguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        county: { type: 'string' },
        what: { type: 'string' },
        format: { type: 'string' },
        'as-of': { type: 'string' },
        'only-unmet': { type: 'boolean', default: false },
        days: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError('');
  const county = values.county ?? '';
  if (!/^\d{6}$/.test(county)) throw new UsageError(`--county must be a six-digit county code${county ? `, got "${county}"` : ''}`);
  const what = values.what ?? '';
  if (!(EXPORT_KINDS as readonly string[]).includes(what))
    throw new UsageError(`--what must be gaps or indicators (or support, alerts, candidates)${what ? `, got "${what}"` : ''}`);
  const days = values.days ?? null;
  if (days !== null && !/^\d{1,4}$/.test(days)) throw new UsageError(`--days must be a whole number of days, got "${days}"`);
  if (!values.out) throw new UsageError('--out FILE is required');
  const format = values.format ?? values.out.split('.').pop()?.toLowerCase() ?? '';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be xlsx or csv (or --out must end in .xlsx or .csv), got "${format}"`);
  const asOf = values['as-of'] ?? null;
  if (asOf !== null && !isIsoDate(asOf)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${asOf}"`);
  return {
    county,
    what: what as ExportKind,
    format: format as ExportFormat,
    asOf,
    onlyUnmet: values['only-unmet'] ?? false,
    days: days === null ? null : Number(days),
    out: values.out,
  };
}

async function run(): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  await asCountyAdmin(
    'export-cli',
    args.county,
    () => false,
    async (db, principal) => {
      const ctx: Context = { db, loaders: new Loaders(), today: todayInChina(), principal, figures: NO_FIGURE_CACHE };
      const table = await exportTable(ctx, {
        countyCode: args.county,
        kind: args.what,
        asOf: args.asOf,
        onlyUnmet: args.onlyUnmet,
        days: args.days,
      });
      writeFileSync(args.out, await render(table, args.format));
      console.log(`${table.title}: ${table.rows.length} row(s) written to ${args.out} (${args.format.toUpperCase()})`);
    },
  );
}

run().then(
  () => process.exit(0),
  (error) => {
    if (error instanceof UsageError) console.error(`${error.message ? `${error.message}\n\n` : ''}${USAGE}`);
    else if (typeof (error as { extensions?: { code?: string } }).extensions?.code === 'string')
      console.error(`Cannot export: ${(error as Error).message}`);
    else console.error(error);
    process.exit(error instanceof UsageError && !error.message ? 0 : 2);
  },
);
