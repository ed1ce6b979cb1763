import { parseApplicationNumber, typeDigitMismatch } from '../../identifiers/application-number';
import { PatentInput } from '../../patent/patent.inputs';
import { InventorInput } from '../../inventor/inventor';
import { upsertPatents } from '../../patent/patent.sql';
import { PatentType } from '../../patent/patent-type';
import { ExternalPatenteeInput } from '../../patentee/patentee';
import { externalPatentee } from '../../patentee/patentee-kind';
import { replaceExternalPatentees } from '../../patentee/patentee.sql';
import { EnterpriseDirectory } from '../directory';
import { StoredPatent, storedPatents } from '../import.sql';
import { refusalOf, RowResult, RowReport, RowStatus, SourceRow, validationProblems } from '../report';
import { RowReader } from '../row-reader';
import { parsePatentYear } from '../../annuity/annuity-import';
import { historyRow, ImportRun, KindImporter } from '../run';
import {
  applicationNumberText,
  cellText,
  isBlank,
  legalStatusHint,
  normalizeWidth,
  parsePatentType,
  parseStrategicIndustry,
  splitList,
} from '../values';

/** The stored fields a file may leave out (no such column): they keep their stored values. */
interface PreparedPatent {
  row: SourceRow;
  report: RowReport;
  read: RowReader;
  /** the normalized application number, when it parses */
  number: string | null;
  input: PatentInput;
  /** the patentees as written: a credit code (from either column) or a name */
  owners: { code: string | null; name: string | null }[] | null;
  status?: RowStatus;
}

/** The import row's field of a PatentInput property path. */
function fieldOf(path: string): { field: string; columns?: string[] } {
  if (path === '' || path === 'input') return { field: 'row' };
  if (path.startsWith('ownerCreditCodes') || path.startsWith('externalPatentees'))
    return { field: 'owners', columns: ['owners', 'ownerCreditCodes'] };
  if (path.startsWith('inventors')) return { field: 'inventors' };
  if (path.startsWith('ipcCodes')) return { field: 'ipcCodes', columns: ['ipcCodes', 'mainIpc'] };
  return { field: path.replace(/\[\d+\].*$/, '') };
}

const TYPES = Object.values(PatentType);

/** 洛迦诺分类 (Locarno classification of designs), e.g. 09-03 */
const LOCARNO = /^\d{1,2}-\d{2}$/;

/** The type an application number's type digit denotes (1/8 INVENTION, 2/9 UTILITY_MODEL, 3 DESIGN). */
function typeOfDigit(digit: string): PatentType | null {
  return TYPES.find((type) => typeDigitMismatch(digit, type) === null) ?? null;
}

/**
 * Patents with owners, CNIPA-export style, in batches (1,000 rows by default): every row of a batch is read and
 * checked (PatentInput's validation, patentees matched to enterprises), then the good ones are written by
 * upsertPatents in a handful of set-based statements, which compares with the stored state and writes only what
 * differs. Columns a file does not have keep their stored values (a blank cell clears a date or the industry; a blank
 * list cell — patentees, IPC — leaves the list as it is).
 */
export function patentImporter(run: ImportRun): KindImporter {
  function prepare(row: SourceRow): PreparedPatent {
    const report = new RowReport(row);
    const read = new RowReader(report);
    const numberText = read.parsed('applicationNumber', (cell) => ({ ok: true, value: applicationNumberText(cell) }), true);
    const parsed = numberText ? parseApplicationNumber(numberText) : null;
    const title = read.text('title', true);
    const filingDate = read.date('filingDate', true);
    const grantDate = read.date('grantDate');
    const lapseDate = read.date('lapseDate');
    const annuityPaidThrough = read.parsed('annuityPaidThrough', parsePatentYear);
    const strategicIndustry = read.parsed('strategicIndustry', parseStrategicIndustry);
    // without a type (no column, or one that cannot be read) the number's type digit says it, so that the number's
    // check against the type does not add a second problem
    const type = read.parsed('type', parsePatentType) ?? (parsed?.ok ? typeOfDigit(parsed.typeDigit) : null) ?? PatentType.INVENTION;

    const mainIpc = read.text('mainIpc');
    const ipcList = read.list('ipcCodes');
    let ipcCodes: string[] | undefined;
    if (mainIpc || (ipcList && ipcList.length > 0)) {
      const written = [...(mainIpc ? [mainIpc] : []), ...(ipcList ?? [])].map((code) => normalizeWidth(code).toUpperCase());
      // a design's 主分类号 in a CNIPA export is its Locarno class (09-03), which the model does not keep
      const locarno = written.filter((code) => LOCARNO.test(code));
      if (locarno.length > 0) {
        report.warn('ipcCodes', `${[...new Set(locarno)].join(', ')}: a Locarno class (designs), not an IPC code; not stored`, [
          'mainIpc',
          'ipcCodes',
        ]);
      }
      const codes = written.filter((code) => !LOCARNO.test(code));
      const key = (code: string) => code.replace(/\s+/g, '');
      if (codes.length > 0) ipcCodes = codes.filter((code, i) => codes.findIndex((other) => key(other) === key(code)) === i);
    }

    const names = read.has('owners') ? splitList(read.cell('owners')) : [];
    const codes = read.has('ownerCreditCodes') ? splitOwnerCodes(read.cell('ownerCreditCodes')) : [];
    const count = Math.max(names.length, codes.length);
    const owners =
      count === 0
        ? null
        : Array.from({ length: count }, (_, i) => {
            const code = codes[i] || (names[i] ? (EnterpriseDirectory.creditCodeIn(names[i]) ?? null) : null);
            return { code: code ? normalizeWidth(code).toUpperCase() : null, name: names[i] ?? null };
          });

    const inventors = read.list('inventors');

    const input = Object.assign(new PatentInput(), {
      applicationNumber: numberText ?? '',
      title: title ?? '',
      type,
      countyCode: run.countyCode,
      filingDate: filingDate ?? '',
      ...(grantDate !== undefined ? { grantDate } : {}),
      ...(lapseDate !== undefined ? { lapseDate } : {}),
      ...(annuityPaidThrough !== undefined ? { annuityPaidThrough } : {}),
      ...(strategicIndustry !== undefined ? { strategicIndustry } : {}),
      ...(ipcCodes ? { ipcCodes } : {}),
      ...(inventors && inventors.length > 0 ? { inventors: inventors.map((name) => Object.assign(new InventorInput(), { name })) } : {}),
    });
    return { row, report, read, number: parsed?.ok ? parsed.value : null, input, owners };
  }

  /**
   * The patentees: an enterprise of the model (by a given credit code, or by exact name within the county) becomes an
   * owner; anyone else is kept as an external patentee at its place (issue 15), and the row says which were matched
   * and which were kept. The first patentee, when it is an enterprise, must be of the county; when it is external, the
   * patent is attributed to the county imported for.
   */
  function resolveOwners(patent: PreparedPatent, directory: EnterpriseDirectory): void {
    if (!patent.owners) return;
    const { report } = patent;
    const codes: string[] = [];
    const externals: ExternalPatenteeInput[] = [];
    const said: string[] = [];
    patent.owners.forEach((owner, i) => {
      const match = owner.code ? directory.byCreditCode(owner.code) : directory.byExactName(owner.name!);
      if (!match.ok) {
        if (owner.code && !EnterpriseDirectory.creditCodeIn(owner.code)) {
          codes.push(owner.code); // PatentInput's validation names the bad code
          return;
        }
        const name = owner.name && !EnterpriseDirectory.creditCodeIn(owner.name) ? owner.name : null;
        if (!name) {
          report.refuse('owners', `patentee ${i + 1}: ${match.reason}, and no name to keep it as an external patentee`, [
            'owners',
            'ownerCreditCodes',
          ]);
          return;
        }
        const external = externalPatentee(i + 1, name, owner.code);
        externals.push(external);
        said.push(`${i + 1} ${external.name} kept as an external patentee (${external.kind}${owner.code ? `, ${owner.code}` : ''})`);
        return;
      }
      if (i === 0 && match.enterprise.countyCode !== run.countyCode) {
        report.refuse(
          'owners',
          `the first patentee ${match.enterprise.name} (${match.enterprise.creditCode}) is of county ${match.enterprise.countyCode}: a patent counts in its first patentee's county, import it there`,
          ['owners', 'ownerCreditCodes'],
        );
      }
      codes.push(match.enterprise.creditCode);
      said.push(`${i + 1} ${match.enterprise.name} matched (${match.enterprise.creditCode})`);
    });
    patent.input.ownerCreditCodes = codes;
    patent.input.externalPatentees = externals;
    if (externals.length > 0) {
      report.warn('owners', `专利权人 patentees: ${said.join('; ')}; external patentees count for no enterprise's target`, [
        'owners',
        'ownerCreditCodes',
      ]);
    }
  }

  /** Columns the file does not have keep their stored values; a patent of another county is not this import's. */
  function applyStored(patent: PreparedPatent, stored: StoredPatent | undefined): void {
    const { input, read, report } = patent;
    if (!stored) return;
    if (stored.countyCode !== run.countyCode) {
      report.refuse(
        'applicationNumber',
        `patent ${stored.applicationNumber} is attributed to county ${stored.countyCode}: import it there`,
      );
    }
    if (!read.has('grantDate')) input.grantDate = stored.grantDate;
    if (!read.has('lapseDate')) input.lapseDate = stored.lapseDate;
    if (!read.has('strategicIndustry')) input.strategicIndustry = stored.strategicIndustry;
  }

  function legalStatusWarnings(patent: PreparedPatent): void {
    const { read, report, input } = patent;
    if (!read.has('legalStatus')) return;
    const status = cellText(read.cell('legalStatus'));
    const hint = legalStatusHint(status);
    if (hint === 'LAPSED' && input.grantDate && !input.lapseDate) {
      report.warn(
        'lapseDate',
        `法律状态 says "${status}" but no lapse date (失效日) is given: the patent counts as VALID from its grant date`,
        ['lapseDate', 'legalStatus'],
      );
    }
    if (hint === 'GRANTED' && !input.grantDate) {
      report.warn('grantDate', `法律状态 says "${status}" but no grant date (授权公告日) is given: the patent counts as PENDING`, [
        'grantDate',
        'legalStatus',
      ]);
    }
  }

  async function process(rows: SourceRow[]): Promise<RowResult[]> {
    const directory = await run.directory();
    const patents = rows.map(prepare);
    await directory.lookUp(
      patents.flatMap((p) => (p.owners ?? []).map((o) => o.code).filter((c): c is string => !!c && !!EnterpriseDirectory.creditCodeIn(c))),
    );
    const numbers = patents.map((p) => p.number).filter((n): n is string => n !== null);
    const stored = await storedPatents(run.db, numbers);
    const storedByNumber = new Map(stored.map((s) => [s.applicationNumber, s]));

    await Promise.all(
      patents.map(async (patent) => {
        resolveOwners(patent, directory);
        if (patent.number) applyStored(patent, storedByNumber.get(patent.number));
        for (const problem of await validationProblems(patent.input, run.today)) {
          const { field, columns } = fieldOf(problem.path);
          patent.report.refuseOnce(field, problem.reason, columns);
        }
        legalStatusWarnings(patent);
      }),
    );
    for (const patent of patents) {
      if (patent.report.refused || !patent.number) continue;
      const duplicate = run.claimKey(patent.number, patent.row);
      if (duplicate) patent.report.refuse('applicationNumber', `the same patent twice: ${duplicate}`);
    }

    const good = patents.filter((p) => !p.report.refused && p.number);
    // the history names each patent's row (the batch is written in a few set-based statements)
    run.db.describeChange({ row: null, rows: Object.fromEntries(good.map((p) => [p.number!, historyRow(p.row)])) });
    const outcomes = await writeBatch(good.map((p) => p.input));
    good.forEach((patent, k) => {
      const outcome = outcomes[k];
      if (!outcome.ok) {
        const { field, columns } = fieldOf(outcome.field);
        patent.report.refuse(field, outcome.reason, columns);
      } else patent.status = outcome.status;
    });
    const externalsChanged = await replaceExternalPatentees(
      run.db,
      good.flatMap((patent, k) => {
        const outcome = outcomes[k];
        return outcome.ok ? [{ patentId: outcome.id, patentees: patent.input.externalPatentees }] : [];
      }),
    );
    good.forEach((patent, k) => {
      const outcome = outcomes[k];
      if (outcome.ok && outcome.status === 'UNCHANGED' && externalsChanged.has(outcome.id)) patent.status = 'UPDATED';
    });
    return patents.map((patent) => patent.report.result(patent.status ?? 'REFUSED', patent.number));
  }

  /**
   * The batch in one savepoint; should a statement fail on something the checks did not foresee (a constraint),
   * the batch is rolled back and written row by row, each in a savepoint, to find the rows at fault.
   */
  async function writeBatch(inputs: PatentInput[]) {
    if (inputs.length === 0) return [];
    try {
      return await run.db.atomically(() => upsertPatents(run.db, inputs));
    } catch (error) {
      if (!refusalOf(error)) throw error;
    }
    const outcomes = [];
    for (const input of inputs) {
      try {
        outcomes.push((await run.db.atomically(() => upsertPatents(run.db, [input])))[0]);
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        outcomes.push({ ok: false as const, field: refusal.path, reason: refusal.reason });
      }
    }
    return outcomes;
  }

  return { batchSize: run.options.batchSize ?? 1000, process };
}

/** The credit-code column keeps its positions: "；91500231…" is no code for the first patentee, one for the second. */
function splitOwnerCodes(cell: Parameters<typeof splitList>[0]): string[] {
  if (isBlank(cell)) return [];
  if (Array.isArray(cell)) return cell.map((item) => (item ?? '').trim());
  return cellText(cell)
    .split(/[;；、|\n\r，,]/)
    .map((item) => item.trim());
}
