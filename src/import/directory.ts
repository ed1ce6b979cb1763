import { RequestDatabase } from '../db/request-database';
import { parseCreditCode } from '../identifiers/credit-code';
import { enterprisesByCreditCodes, enterprisesOfCounty, KnownEnterprise } from './import.sql';
import { nameKey } from './values';

export type { KnownEnterprise };

export type EnterpriseMatch = { ok: true; enterprise: KnownEnterprise } | { ok: false; reason: string };

/**
 * The enterprises an import may name: those of the county by name (exact, with full-width/half-width forms and
 * spaces set aside: "重庆某某有限公司（垫江）" is "重庆某某有限公司(垫江)"), any by credit code. Names are matched
 * within the county only; an enterprise that is not there is reported, never created.
 */
export class EnterpriseDirectory {
  private readonly byName = new Map<string, KnownEnterprise[]>();
  private readonly byCode = new Map<string, KnownEnterprise | null>();

  private constructor(
    private readonly db: RequestDatabase,
    readonly countyCode: string,
  ) {}

  static async load(db: RequestDatabase, countyCode: string): Promise<EnterpriseDirectory> {
    const directory = new EnterpriseDirectory(db, countyCode);
    const rows = await enterprisesOfCounty(db, countyCode);
    for (const row of rows) directory.add(row);
    return directory;
  }

  private add(enterprise: KnownEnterprise): void {
    this.byCode.set(enterprise.creditCode, enterprise);
    if (enterprise.countyCode !== this.countyCode) return;
    const key = nameKey(enterprise.name);
    const list = this.byName.get(key);
    if (list) list.push(enterprise);
    else this.byName.set(key, [enterprise]);
  }

  /** Looks up, in one statement, the credit codes not seen yet (of any county). */
  async lookUp(creditCodes: Iterable<string>): Promise<void> {
    const missing = [...new Set(creditCodes)].filter((code) => !this.byCode.has(code));
    if (missing.length === 0) return;
    const rows = await enterprisesByCreditCodes(this.db, missing);
    for (const row of rows) this.add(row);
    for (const code of missing) if (!this.byCode.has(code)) this.byCode.set(code, null);
  }

  /** The enterprise of a credit code looked up before (see lookUp). */
  byCreditCode(creditCode: string): EnterpriseMatch {
    const found = this.byCode.get(creditCode);
    return found ? { ok: true, enterprise: found } : { ok: false, reason: `no enterprise with credit code ${creditCode}` };
  }

  byExactName(name: string): EnterpriseMatch {
    const found = this.byName.get(nameKey(name)) ?? [];
    if (found.length === 1) return { ok: true, enterprise: found[0] };
    if (found.length === 0) {
      return {
        ok: false,
        reason: `no enterprise named "${name}" in county ${this.countyCode}: import it first (--kind enterprises), or give its credit code`,
      };
    }
    return {
      ok: false,
      reason: `${found.length} enterprises are named "${name}" in county ${this.countyCode} (${found.map((e) => e.creditCode).join(', ')}): give the credit code`,
    };
  }

  /** A name or a credit code as written in a cell (a valid credit code is taken as one). */
  static creditCodeIn(text: string): string | null {
    const parsed = parseCreditCode(text);
    return parsed.ok ? parsed.value : null;
  }
}
