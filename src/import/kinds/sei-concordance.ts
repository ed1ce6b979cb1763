import { sql } from '../../db/sql';
import { badUserInput } from '../../graphql/errors';
import { StrategicIndustry } from '../../patent/patent-enums';
import { RowReport, RowResult, RowStatus, SourceRow } from '../report';
import { RowReader } from '../row-reader';
import { ImportRun, KindImporter, writeRow, writingRow } from '../run';
import { cellText, normalizeWidth, parseStrategicIndustry } from '../values';

/** The nine industries in the order of the 2018 classification: the first digit of a category code. */
const BY_DIGIT = Object.values(StrategicIndustry);
const CATEGORY_CODE = /^[1-9](\.\d+)*$/;
const IPC_PREFIX = /^[A-H](\d{2}([A-Z](\d{1,4}(\/\d{0,6})?)?)?)?$/;

/**
 * An IPC code or prefix as the concordance keys it: upper case, no spaces, a trailing * set aside, and a main group
 * written with its /00 (H01M 10/00) taken as the main group with its subgroups (H01M10).
 */
export function ipcPrefix(written: string): string {
  return normalizeWidth(written).toUpperCase().replace(/\s+/g, '').replace(/\*+$/, '').replace(/\/0*$/, '');
}

/**
 * The concordance 战略性新兴产业分类与国际专利分类参照关系表 (issue 15), one version per import: `--concordance-version`,
 * `--effective-from` and `--title` name it (created, or its day and title updated); each row is a category with one
 * or more IPC codes or prefixes, one entry each, keyed by (category code, IPC prefix). A file does not delete the
 * entries it does not list; importing it again changes nothing.
 */
export function seiConcordanceImporter(run: ImportRun): KindImporter {
  let concordanceId: Promise<number> | null = null;
  const concordance = () => {
    const given = run.options.concordance;
    if (!given)
      throw badUserInput(
        'concordance',
        'a concordance import needs its version, effective date and title (--concordance-version, --effective-from, --title)',
      );
    concordanceId ??= run.db
      .query<{ id: number }>(
        sql`INSERT INTO sei_concordance AS c (version, effective_from, title, synthetic)
            VALUES (${given.version.trim()}, ${given.effectiveFrom}, ${given.title.trim()}, ${given.synthetic ?? false})
            ON CONFLICT (version) DO UPDATE SET effective_from = EXCLUDED.effective_from, title = EXCLUDED.title, synthetic = EXCLUDED.synthetic
              WHERE (c.effective_from, c.title, c.synthetic) IS DISTINCT FROM (EXCLUDED.effective_from, EXCLUDED.title, EXCLUDED.synthetic)
            RETURNING id`,
      )
      .then(
        async ([row]) =>
          row?.id ??
          (await run.db.query<{ id: number }>(sql`SELECT id FROM sei_concordance WHERE version = ${given.version.trim()}`))[0].id,
      );
    return concordanceId;
  };

  async function importRow(row: SourceRow, id: number): Promise<RowResult> {
    const report = new RowReport(row);
    const read = new RowReader(report);
    const categoryCode = (read.text('categoryCode', true) ?? '').replace(/\s+/g, '');
    const categoryName = read.text('categoryName', true);
    const field = read.text('field') ?? null;
    const written = read.list('ipc', true) ?? [];
    const keywords = [...new Set((read.list('keywords') ?? []).map((word) => word.trim()).filter((word) => word !== ''))];
    if (categoryCode && !CATEGORY_CODE.test(categoryCode))
      report.refuse('categoryCode', `"${categoryCode}" is not a category code such as 1.1.1`);
    let industry: StrategicIndustry | null = CATEGORY_CODE.test(categoryCode) ? BY_DIGIT[Number(categoryCode[0]) - 1] : null;
    if (read.has('industry') && cellText(read.cell('industry')) !== '') {
      const named = read.parsed('industry', parseStrategicIndustry);
      if (named && industry && named !== industry) {
        report.refuse('industry', `${named} disagrees with category code ${categoryCode}, which is of ${industry}`);
      }
      industry = named ?? industry;
    }
    const prefixes = [...new Set(written.map(ipcPrefix).filter((prefix) => prefix !== ''))];
    for (const prefix of prefixes) {
      if (!IPC_PREFIX.test(prefix)) report.refuse('ipc', `"${prefix}" is not an IPC code or prefix (H01M, H01M10, H01M10/05)`);
    }
    const key = categoryCode ? `${categoryCode} ${prefixes.join(',')}` : null;
    if (report.refused || !industry || !categoryName || prefixes.length === 0) return report.result('REFUSED', key);
    for (const prefix of prefixes) {
      const duplicate = run.claimKey(`${categoryCode} ${prefix}`, row);
      if (duplicate) report.refuse('ipc', `the same entry twice: ${duplicate}`);
    }
    if (report.refused) return report.result('REFUSED', key);

    writingRow(run.db, row);
    const result = await writeRow(run.db, async () => {
      const changed = await run.db.query<{ created: boolean }>(
        sql`INSERT INTO sei_concordance_entry AS e (concordance_id, category_code, ipc_prefix, industry, category_name, field, keywords)
            SELECT ${id}, ${categoryCode}, prefix, ${industry}, ${categoryName.trim()}, ${field}, ${keywords}::text[]
              FROM unnest(${prefixes}::text[]) AS prefix
            ON CONFLICT (concordance_id, category_code, ipc_prefix) DO UPDATE
              SET industry = EXCLUDED.industry, category_name = EXCLUDED.category_name, field = EXCLUDED.field, keywords = EXCLUDED.keywords
              WHERE (e.industry, e.category_name, e.field, e.keywords) IS DISTINCT FROM
                    (EXCLUDED.industry, EXCLUDED.category_name, EXCLUDED.field, EXCLUDED.keywords)
            RETURNING xmax = 0 AS created`,
      );
      const status: RowStatus = changed.length === 0 ? 'UNCHANGED' : changed.every((c) => c.created) ? 'CREATED' : 'UPDATED';
      return status;
    });
    if (!result.ok) {
      report.refuse(result.path || 'row', result.reason);
      return report.result('REFUSED', key);
    }
    return report.result(result.status, key);
  }

  return {
    batchSize: run.options.batchSize ?? 200,
    async process(rows) {
      const id = await concordance();
      const results: RowResult[] = [];
      for (const row of rows) results.push(await importRow(row, id));
      return results;
    },
  };
}
