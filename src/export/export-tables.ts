/**
 * What officials send upward (issue 6): a county's target-gap list (企业目标差距清单) and its indicator table
 * (主要指标完成情况), as tables with Chinese headers. The figures come from the same SQL as the API —
 * allCountyTargetGaps (the rows of targetGaps, every page) and indicatorsLoader (County.indicators) — under the
 * caller's Row Level Security; nothing here restates a rule.
 */
import 'reflect-metadata';
import { requireCountyWide } from '../auth/guard';
import { allCountyTargetGaps } from '../breakthrough/breakthrough.sql';
import { countyLoader } from '../county/county.sql';
import { EnterpriseCategory } from '../enterprise/enterprise-category';
import { asOfOrToday } from '../graphql/arguments';
import { Context } from '../graphql/context';
import { chinaTime, isIsoDate, IsoDate, yearOf } from '../graphql/dates';
import { badUserInput, notFound } from '../graphql/errors';
import { indicatorsLoader } from '../indicator/indicator.sql';
import { planInForceLoader } from '../plan/plan.sql';
import { outlookTable } from '../alerts/alerts-export';
import { checkedDays } from '../alerts/alerts.resolver';
import { TargetGap } from '../breakthrough/breakthrough';
import { IndicatorValue } from '../indicator/indicator';
import { SUPPORT_COLUMNS, supportExportRows } from '../support/support-export';
import { measureNumber } from '../support/support-measure';

export const EXPORT_KINDS = ['gaps', 'indicators', 'support', 'alerts', 'candidates'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** How a column's values are written: CSV text and the XLSX cell's number format. */
export type ColumnKind = 'text' | 'integer' | 'number' | 'percent';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** XLSX column width, in characters */
  width: number;
}

export type ExportCell = string | number | null;

export interface ExportTable {
  kind: ExportKind;
  countyCode: string;
  countyName: string;
  asOf: IsoDate;
  /** 垫江县企业目标差距清单（截至2024-06-30） */
  title: string;
  /** the worksheet's name */
  sheetName: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
  /** the 说明 sheet: what the table is and where it came from */
  notes: [string, string][];
  /** ASCII file name without extension, e.g. gaps-500231-2024-06-30 */
  fileName: string;
  /** the Chinese file name without extension, when it is not the county's name, the list's and asOf */
  chineseName?: string;
}

export const CATEGORY_NAMES: Record<EnterpriseCategory, string> = {
  LISTED_CULTIVATION: '上市重点培育企业',
  SPECIALIZED_NEW: '专精特新企业',
  HIGH_TECH: '高新技术企业',
};

const yesNo = (value: boolean | null) => (value === null ? null : value ? '是' : '否');

export const GAP_COLUMNS: ExportColumn[] = [
  { header: '序号', kind: 'integer', width: 6 },
  { header: '企业名称', kind: 'text', width: 36 },
  { header: '统一社会信用代码', kind: 'text', width: 22 },
  { header: '企业类别', kind: 'text', width: 18 },
  { header: '目标值（件）', kind: 'integer', width: 12 },
  { header: '高价值发明专利拥有量（件）', kind: 'integer', width: 14 },
  { header: '差距（件）', kind: 'integer', width: 10 },
  { header: '是否达标', kind: 'text', width: 10 },
];

export const INDICATOR_COLUMNS: ExportColumn[] = [
  { header: '序号', kind: 'integer', width: 6 },
  { header: '指标', kind: 'text', width: 40 },
  { header: '单位', kind: 'text', width: 10 },
  { header: '目标值', kind: 'number', width: 14 },
  { header: '实际值', kind: 'number', width: 14 },
  { header: '完成进度', kind: 'percent', width: 10 },
  { header: '是否达标', kind: 'text', width: 10 },
  { header: '统计年度', kind: 'integer', width: 10 },
  { header: '基期值', kind: 'number', width: 14 },
  { header: '基期年度', kind: 'integer', width: 10 },
  { header: '说明', kind: 'text', width: 50 },
  { header: '指标代码', kind: 'text', width: 34 },
];

/** The plan as the 说明 sheet names it: its title, followed by its period unless the title states it already. */
export function planWithPeriod(plan: { title: string; startYear: number; endYear: number }): string {
  const period = new RegExp(`${plan.startYear}\\s*[—–-]\\s*${plan.endYear}`);
  return period.test(plan.title) ? plan.title : `${plan.title}（${plan.startYear}—${plan.endYear}年）`;
}

export interface ExportRequest {
  countyCode: string;
  kind: ExportKind;
  /** default: today in China Standard Time */
  asOf?: string | null;
  /** gaps: only the rows not met */
  onlyUnmet?: boolean;
  /** support: the year (default: the year of asOf) and one measure's number (default: every measure) */
  year?: number | null;
  measure?: string | null;
  /** alerts: the window in days (default 90); candidates: the horizon in days (default 365) */
  days?: number | null;
}

/**
 * The table of one county, as the caller may see it: BAD_USER_INPUT for a bad code or day, NOT_FOUND for a county that
 * does not exist or is outside the caller's counties (the same answer, revealing nothing), FORBIDDEN for an
 * ENTERPRISE caller (county-wide data).
 */
export async function exportTable(ctx: Context, request: ExportRequest): Promise<ExportTable> {
  const { countyCode, kind } = request;
  if (!/^\d{6}$/.test(countyCode)) throw badUserInput('county', `must be a six-digit county code, got "${countyCode}"`);
  if (!(EXPORT_KINDS as readonly string[]).includes(kind))
    throw badUserInput('what', `must be gaps, indicators, support, alerts or candidates, got "${kind}"`);
  const asOf = asOfOrToday(ctx, request.asOf || null);
  if (!isIsoDate(asOf)) throw badUserInput('asOf', `must be a calendar date written YYYY-MM-DD, got "${asOf}"`);
  requireCountyWide(ctx, `the ${kind} export`);
  const county = await countyLoader(ctx).load(countyCode);
  if (!county) throw notFound(`no county ${countyCode} among the caller's counties`);
  const plan = await planInForceLoader(ctx, yearOf(asOf)).load(countyCode);
  const notes: [string, string][] = [
    ['县（区）', county.name],
    ['行政区划代码', county.code],
    ['截至日期', asOf],
    ['规划', plan ? planWithPeriod(plan) : '无（截至日期无有效规划，故无目标）'],
    ['导出时间', chinaTime()],
    ['导出人', `${ctx.principal.subject}（${ctx.principal.role}）`],
  ];

  if (kind === 'alerts' || kind === 'candidates') {
    const days = checkedDays(request.days ?? (kind === 'alerts' ? 90 : 365), kind === 'alerts' ? 'withinDays' : 'horizonDays');
    return outlookTable({ ctx, kind, county, asOf, days, notes });
  }

  if (kind === 'support') {
    const year = request.year ?? yearOf(asOf);
    if (!Number.isInteger(year) || year < 1949 || year > 2200)
      throw badUserInput('year', `must be a year between 1949 and 2200, got ${year}`);
    const number = request.measure ? measureNumber(request.measure) : null;
    if (request.measure && !number) throw badUserInput('measure', `must be a measure number such as "(五)", got "${request.measure}"`);
    const yearPlan = await planInForceLoader(ctx, year).load(countyCode);
    notes[2] = ['年度', String(year)];
    notes[3] = ['规划', yearPlan ? planWithPeriod(yearPlan) : '无（该年度无有效规划，故无支持措施）'];
    notes.push(
      [
        '口径',
        '各措施的兑现条件见 GraphQL County.supportEligibility 的说明；最高金额为措施规定的上限（贴息为应补贴金额），已兑现金额为已登记的兑现记录合计',
      ],
      ['排序', '措施在规划中的顺序，其次兑现对象名称'],
    );
    if (number) notes.push(['筛选', `仅措施${number}`]);
    return {
      kind,
      countyCode,
      countyName: county.name,
      asOf,
      title: `${county.name}支持措施兑现清单（${year}年度${number ? `，措施${number}` : ''}）`,
      sheetName: '支持措施兑现清单',
      columns: SUPPORT_COLUMNS,
      rows: await supportExportRows(ctx, countyCode, year, number),
      notes,
      fileName: `support-${countyCode}-${year}`,
      chineseName: `${county.name}支持措施兑现清单-${year}`,
    };
  }

  if (kind === 'gaps') {
    return gapsTable(county, asOf, notes, await allCountyTargetGaps(ctx, countyCode, asOf, request.onlyUnmet ?? false), request.onlyUnmet);
  }
  return indicatorsTable(county, asOf, notes, await indicatorsLoader(ctx, asOf).load(countyCode));
}

/** The target-gap table of a county on asOf from its rows (live, or as a published report holds them). */
export function gapsTable(
  county: { code: string; name: string },
  asOf: IsoDate,
  notes: [string, string][],
  gaps: TargetGap[],
  onlyUnmet = false,
  fileName = `gaps-${county.code}-${asOf}`,
): ExportTable {
  notes.push(
    [
      '口径',
      '目标值：规划对该类企业的高价值发明专利最低拥有量；拥有量：企业（单独或共同）拥有的、截至日期有效的高价值发明专利；差距 = max(0, 目标值 − 拥有量)',
    ],
    ['排序', '差距从大到小，其次企业名称、统一社会信用代码、企业类别'],
  );
  if (onlyUnmet) notes.push(['筛选', '仅未达标']);
  return {
    kind: 'gaps',
    countyCode: county.code,
    countyName: county.name,
    asOf,
    title: `${county.name}企业目标差距清单（截至${asOf}）`,
    sheetName: '目标差距',
    columns: GAP_COLUMNS,
    rows: gaps.map((gap, i) => [
      i + 1,
      gap.enterprise.name,
      gap.enterprise.creditCode,
      CATEGORY_NAMES[gap.category],
      gap.target,
      gap.current,
      gap.gap,
      yesNo(gap.met),
    ]),
    notes,
    fileName,
  };
}

/** The indicator table of a county on asOf from its values (live, or as a published report holds them). */
export function indicatorsTable(
  county: { code: string; name: string },
  asOf: IsoDate,
  notes: [string, string][],
  values: IndicatorValue[],
  fileName = `indicators-${county.code}-${asOf}`,
): ExportTable {
  notes.push([
    '口径',
    '各指标的计算口径见 GraphQL County.indicators 的说明；完成进度 = 实际值 ÷ 目标值；缺少统计数据时实际值为空，说明栏注明所缺数据',
  ]);
  return {
    kind: 'indicators',
    countyCode: county.code,
    countyName: county.name,
    asOf,
    title: `${county.name}主要指标完成情况（截至${asOf}）`,
    sheetName: '主要指标',
    columns: INDICATOR_COLUMNS,
    rows: values.map((value, i) => [
      i + 1,
      value.name,
      value.unit,
      value.target,
      value.actual,
      value.progress,
      yesNo(value.met),
      value.statisticsYear,
      value.baseline,
      value.baselineYear,
      value.missingReason,
      value.kind,
    ]),
    notes,
    fileName,
  };
}
