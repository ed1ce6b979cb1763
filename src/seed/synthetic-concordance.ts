import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { StrategicIndustry } from '../patent/patent-enums';

/**
 * A SYNTHETIC concordance (issue 15), so that the demo has suggestions and a review list: NOT the official
 * 战略性新兴产业分类与国际专利分类参照关系表, which the bureau holds and imports itself (npm run import -- --kind
 * sei-concordance). Every category code ends in .9.9 and every name says 合成示例 so that nobody takes it for the
 * official one; examples/sei-concordance-SYNTHETIC.csv holds the same entries as a file to import.
 */
export const SYNTHETIC_CONCORDANCE = {
  version: 'SYNTHETIC-2024',
  effectiveFrom: '2024-01-01',
  title: '战略性新兴产业分类与国际专利分类参照关系表（合成示例 SYNTHETIC，非官方 not the official table）',
  entries: [
    { categoryCode: '1.9.9', categoryName: '合成示例：信息处理（synthetic）', ipc: 'G06F16', keywords: [] as string[] },
    { categoryCode: '1.9.8', categoryName: '合成示例：网络安全（synthetic）', ipc: 'H04L9', keywords: [] },
    { categoryCode: '2.9.9', categoryName: '合成示例：工业机器人（synthetic）', ipc: 'B25J9', keywords: [] },
    { categoryCode: '3.9.9', categoryName: '合成示例：高分子材料（synthetic）', ipc: 'C08L', keywords: ['材料'] },
    { categoryCode: '4.9.9', categoryName: '合成示例：中药（synthetic）', ipc: 'A61K36', keywords: [] },
    { categoryCode: '6.9.9', categoryName: '合成示例：电池储能（synthetic）', ipc: 'H01M10/05', keywords: [] },
  ],
};

const BY_DIGIT = Object.values(StrategicIndustry);

export async function seedSyntheticConcordance(db: RequestDatabase): Promise<void> {
  const { version, effectiveFrom, title, entries } = SYNTHETIC_CONCORDANCE;
  const [concordance] = await db.query<{ id: number }>(
    sql`INSERT INTO sei_concordance (version, effective_from, title, synthetic) VALUES (${version}, ${effectiveFrom}, ${title}, true) RETURNING id`,
  );
  await db.query(
    sql`INSERT INTO sei_concordance_entry (concordance_id, category_code, ipc_prefix, industry, category_name, keywords)
        SELECT ${concordance.id}, e.code, e.ipc, e.industry, e.name, COALESCE(string_to_array(e.keywords, ','), '{}')
          FROM unnest(${entries.map((e) => e.categoryCode)}::text[], ${entries.map((e) => e.ipc)}::text[],
                      ${entries.map((e) => BY_DIGIT[Number(e.categoryCode[0]) - 1])}::text[], ${entries.map((e) => e.categoryName)}::text[],
                      ${entries.map((e) => (e.keywords.length ? e.keywords.join(',') : null))}::text[]) AS e(code, ipc, industry, name, keywords)`,
  );
}
