/**
 * `npm run bench:import`: the bulk import of a CNIPA-style patent file, end to end (the CLI's path: file → stream →
 * batches → PostgreSQL), timed and with its memory watched.
 *
 *  1. A database of its own: with DATABASE_URL a database `hvp_import_bench` on that server (dropped first, and at the
 *     end); without it an embedded PostgreSQL in .data/bench-import-postgres (wiped first) on BENCH_PG_PORT (54369).
 *  2. County 500231 with 2,000 synthetic enterprises, then a CSV of BENCH_IMPORT_ROWS (100,000) synthetic patents in
 *     a temporary folder: application numbers, dates and patentees in the spellings county files use (CN/ZL prefixes,
 *     2022/9/7, 20220907, Excel serials; patentees by name, a few by credit code, up to three per patent).
 *  3. The import (all rows CREATED), then the same file again (all UNCHANGED), each in one transaction as the CLI
 *     runs it; rows/s, seconds, and the process's resident memory: before, peak during the import, and the peak RSS
 *     of the whole process (getrusage).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, statSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_PRINCIPAL } from '../src/auth/principal';
import { migrate } from '../src/db/database';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres, withDatabase } from '../src/db/embedded';
import { RequestDatabase } from '../src/db/request-database';
import { importFile } from '../src/import/import.service';
import { syntheticApplicationNumber, syntheticCreditCode } from '../src/seed/synthetic';
import { seededRandom } from '../src/seed/random';
import { sql } from '../src/db/sql';
import { withClient } from '../src/db/client';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS || 100_000);
const ENTERPRISES = 2_000;
const COUNTY = '500231';
const PG_PORT = Number(process.env.BENCH_PG_PORT || 54369);
const DATABASE = 'hvp_import_bench';
const DATA_DIR = path.resolve('.data', 'bench-import-postgres');

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function database(): Promise<{ url: string; where: string; close: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await withClient(external, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${DATABASE}`);
    });
    return {
      url: withDatabase(external, DATABASE),
      where: `database ${DATABASE} on the DATABASE_URL server`,
      close: () => withClient(external, (client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)).then(() => undefined),
    };
  }
  rmSync(DATA_DIR, { recursive: true, force: true });
  const embedded = await startEmbeddedPostgres(DATA_DIR, PG_PORT);
  await withClient(embedded.adminUrl, (client) => client.query(`CREATE DATABASE ${DATABASE}`));
  return { url: withDatabase(embedded.adminUrl, DATABASE), where: `embedded PostgreSQL on port ${PG_PORT}`, close: () => embedded.stop() };
}

const enterpriseName = (i: number) => `垫江示例企业${String(i).padStart(4, '0')}有限公司（合成 synthetic）`;
const pad = (n: number) => String(n).padStart(2, '0');

/** The spellings a CNIPA export and hand-kept sheets mix. */
function spellDate(year: number, month: number, day: number, style: number): string {
  switch (style % 4) {
    case 0:
      return `${year}-${pad(month)}-${pad(day)}`;
    case 1:
      return `${year}/${month}/${day}`;
    case 2:
      return `${year}${pad(month)}${pad(day)}`;
    default:
      return String(Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000));
  }
}

async function writePatentCsv(file: string, rows: number): Promise<void> {
  const random = seededRandom(20240907);
  const out = createWriteStream(file);
  out.write('\uFEFF序号,申请号,申请日,发明名称,申请(专利权)人,主分类号,授权公告日,法律状态\n');
  const ipc = ['G06F 16/00', 'H01M 10/052', 'B23K 26/00', 'C08L 23/06', 'A61K 36/00', 'F16H 57/00'];
  for (let i = 0; i < rows; i++) {
    const roll = random.next();
    const typeDigit = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
    const year = random.int(2005, 2024);
    const [month, day] = [random.int(1, 12), random.int(1, 28)];
    const number = syntheticApplicationNumber(year, typeDigit, 1_000_000 + i);
    const spelled = i % 3 === 0 ? `CN${number}` : i % 3 === 1 ? number.replace('.', '') : `ZL ${number}`;
    const granted = random.chance(0.8);
    const grant = granted ? spellDate(Math.min(year + random.int(1, 3), 2025), random.int(1, 12), random.int(1, 28), i + 1) : '';
    const owners = Array.from({ length: random.int(1, 3) }, () => random.int(1, ENTERPRISES));
    const patentees = [...new Set(owners)].map((o, k) => (k > 0 && o % 10 === 0 ? syntheticCreditCode(COUNTY, o) : enterpriseName(o)));
    out.write(
      `${i + 1},${spelled},${spellDate(year, month, day, i)},一种合成示例技术方案${i + 1},"${patentees.join(';')}",${random.pick(ipc)},${grant},${granted ? '有效' : '审中'}\n`,
    );
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function seedCounty(db: RequestDatabase): Promise<void> {
  await db.query(sql`INSERT INTO county (code, name) VALUES ('500000', '重庆市'), (${COUNTY}, '垫江县')`);
  await db.query(sql`UPDATE county SET parent_code = '500000' WHERE code = ${COUNTY}`);
  const codes = Array.from({ length: ENTERPRISES }, (_, i) => syntheticCreditCode(COUNTY, i + 1));
  await db.query(
    sql`INSERT INTO enterprise (credit_code, name, county_code) SELECT c, n, ${COUNTY} FROM unnest(${codes}::text[], ${codes.map((_, i) => enterpriseName(i + 1))}::text[]) AS e(c, n)`,
  );
}

async function timedImport(url: string, file: string, label: string) {
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  const db = new RequestDatabase(dataSource, {}, { ...SYSTEM_PRINCIPAL, counties: [COUNTY] });
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  try {
    const summary = await importFile(db, file, { countyCode: COUNTY, kind: 'patents' });
    await db.finish(true);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    return { label, seconds, summary, rssBefore, rssPeak };
  } finally {
    clearInterval(sampler);
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const { url, where, close } = await database();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hvp-import-bench-'));
  try {
    await migrate(url);
    const dataSource = createDataSource({ url, poolSize: 1 });
    await dataSource.initialize();
    const seed = new RequestDatabase(dataSource, {}, SYSTEM_PRINCIPAL);
    await seedCounty(seed);
    await seed.finish(true);
    await dataSource.destroy();

    const file = path.join(dir, 'patents.csv');
    const generating = Date.now();
    await writePatentCsv(file, ROWS);
    console.log(`${where}; ${ENTERPRISES.toLocaleString('en-US')} enterprises in county ${COUNTY}`);
    console.log(
      `generated ${ROWS.toLocaleString('en-US')} patents: ${mb(statSync(file).size)} CSV in ${((Date.now() - generating) / 1000).toFixed(1)} s (${file})\n`,
    );

    const runs = [await timedImport(url, file, 'first import'), await timedImport(url, file, 're-import (same file)')];
    console.log('| run | rows | created | unchanged | refused | seconds | rows/s | RSS before | RSS peak during |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const run of runs) {
      const { totals } = run.summary;
      console.log(
        `| ${run.label} | ${totals.rows} | ${totals.created} | ${totals.unchanged} | ${totals.refused} | ${run.seconds.toFixed(1)} | ` +
          `${Math.round(totals.rows / run.seconds).toLocaleString('en-US')} | ${mb(run.rssBefore)} | ${mb(run.rssPeak)} |`,
      );
      if (totals.refused > 0 || totals.rows !== ROWS) throw new Error(`${run.label}: expected ${ROWS} good rows`);
    }
    if (runs[0].summary.totals.created !== ROWS || runs[1].summary.totals.unchanged !== ROWS) {
      throw new Error('expected every row CREATED, then every row UNCHANGED');
    }
    console.log(`\npeak RSS of the process (getrusage): ${mb(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
