/**
 * 支持措施兑现清单: the eligibility of a year as a table with Chinese headers (GET /export/support.xlsx|csv), from the
 * same SQL as County.supportEligibility (every row, in its order), with what was paid.
 */
import { sql } from '../db/sql';
import { Context } from '../graphql/context';
import type { ExportCell, ExportColumn } from '../export/export-tables';
import { AwardKind } from '../patent/patent-enums';
import { TransactionKind } from '../transaction/transaction';
import { SupportEligibility, SupportEvidence } from './support-eligibility';
import { eligibilityRowsSql } from './support-eligibility.sql';
import { SupportMeasureKind } from './support-measure';

export const SUPPORT_COLUMNS: ExportColumn[] = [
  { header: '序号', kind: 'integer', width: 6 },
  { header: '措施', kind: 'text', width: 8 },
  { header: '措施类型', kind: 'text', width: 16 },
  { header: '兑现对象', kind: 'text', width: 36 },
  { header: '统一社会信用代码/人员标识', kind: 'text', width: 24 },
  { header: '职称级别', kind: 'text', width: 10 },
  { header: '最高金额（元）', kind: 'number', width: 16 },
  { header: '已兑现金额（元）', kind: 'number', width: 16 },
  { header: '是否已兑现', kind: 'text', width: 10 },
  { header: '依据', kind: 'text', width: 80 },
];

const KIND_NAMES: Record<SupportMeasureKind, string> = {
  CHINA_PATENT_AWARD_REWARD: '中国专利奖奖励',
  FOREIGN_GRANT_SUBSIDY: '国外发明专利授权资助',
  TITLE_ELIGIBILITY: '职称评定支持',
  PLEDGE_INTEREST_SUBSIDY: '质押融资贴息',
  GENERIC: '其他',
};

const AWARD_NAMES: Record<AwardKind, string> = {
  CHINA_PATENT_GOLD: '中国专利金奖',
  CHINA_PATENT_SILVER: '中国专利银奖',
  CHINA_PATENT_EXCELLENCE: '中国专利优秀奖',
  NATIONAL_SCIENCE_TECHNOLOGY: '国家科学技术奖',
};

const TRANSACTION_NAMES: Record<TransactionKind, string> = {
  ASSIGNMENT: '转让',
  LICENSE: '许可',
  OPEN_LICENSE: '开放许可',
  EQUITY_CONTRIBUTION: '作价入股',
  PLEDGE: '质押',
  OWN_IMPLEMENTATION: '自行实施',
};

/** One fact as the list writes it, e.g. "202210123456.1 中国专利金奖（2024年）". */
export function evidenceText(e: SupportEvidence): string {
  const parts: string[] = [];
  switch (e.kind) {
    case 'AWARD':
      parts.push(`${e.applicationNumber} ${AWARD_NAMES[e.awardKind!]}（${e.awardYear}年）`);
      break;
    case 'OVERSEAS_GRANT':
      parts.push(
        `${e.applicationNumber} 国外授权 ${e.jurisdiction} ${e.date}${e.route ? ` ${e.route}途径` : ''}${e.publicationNumber ? ` ${e.publicationNumber}` : ''}`,
      );
      break;
    case 'INVENTION_GRANT':
      parts.push(`${e.applicationNumber} 发明专利授权 ${e.date}`);
      break;
    case 'COMMERCIALISATION':
      parts.push(`${e.applicationNumber} ${TRANSACTION_NAMES[e.transactionKind!]} ${e.date}${e.counterparty ? ` ${e.counterparty}` : ''}`);
      break;
    case 'INTEREST_PAID':
      parts.push(`当年付息 ${e.amount} 元 × 贴息比例 ${Number(e.rate) * 100}%`);
      break;
  }
  return parts.join('');
}

/** Every row of the county's eligibility for the year (one measure, or all), in County.supportEligibility's order. */
export async function supportExportRows(ctx: Context, countyCode: string, year: number, measure: string | null): Promise<ExportCell[][]> {
  const rows = await ctx.db.query<SupportEligibility>(
    sql`SELECT r.* FROM (${eligibilityRowsSql(sql`${countyCode}::text`, sql`${year}::int`, sql`${measure}::text`)}) r
         ORDER BY r.position, r."recipientName" COLLATE "C", r.key COLLATE "C"`,
  );
  return rows.map((row, i) => [
    i + 1,
    row.measureNumber,
    KIND_NAMES[row.measureKind],
    row.recipientName,
    row.recipientKind === 'ENTERPRISE' ? row.recipientKey : row.inventorIdentifier,
    row.titleLevel === 'SENIOR' ? '正高级' : row.titleLevel === 'ASSOCIATE' ? '副高级' : null,
    row.maxAmount === null ? null : Number(row.maxAmount),
    Number(row.paidAmount),
    Number(row.paidAmount) > 0 ? '是' : '否',
    row.evidence.map(evidenceText).join('；'),
  ]);
}
