/**
 * The alert list (预警清单) and the candidate list (高价值专利培育清单) as export tables with Chinese headers, from the
 * same SQL as County.alerts and County.highValueCandidates (every row, in their order), under the caller's Row Level
 * Security; the subjects' names come from the request's loaders.
 */
import { CATEGORY_NAMES, ExportColumn, ExportTable } from '../export/export-tables';
import { allCountyCandidates } from '../candidates/candidates.sql';
import { enterpriseLoader } from '../enterprise/enterprise.sql';
import { Context } from '../graphql/context';
import { IsoDate } from '../graphql/dates';
import { HighValueReason } from '../high-value/high-value-reason';
import { INDICATOR_DEFINITIONS } from '../indicator/indicator';
import { Patent } from '../patent/patent';
import { patentLoader } from '../patent/patent.sql';
import { AlertGapChange, AlertKind } from './alert';
import { allCountyAlerts } from './alerts.sql';

export const ALERT_KIND_NAMES: Record<AlertKind, string> = {
  CERTIFICATE_EXPIRING: '证书到期',
  ANNUITY_DUE: '年费到期',
  ANNUITY_IN_GRACE: '年费滞纳',
  ANNUITY_PAST_GRACE: '年费逾期未缴',
  TERM_ENDING: '保护期届满',
  WILL_DROP_BELOW_TARGET: '将低于目标',
  PLAN_ENDING: '规划期将结束',
};

const REASON_NAMES: Partial<Record<HighValueReason, string>> = {
  MAINTAINED_OVER_10_YEARS: '维持年限超过10年',
  HIGH_PLEDGE_FINANCING: '较高质押融资金额',
};

export const ALERT_COLUMNS: ExportColumn[] = [
  { header: '序号', kind: 'integer', width: 6 },
  { header: '预警类别', kind: 'text', width: 14 },
  { header: '日期', kind: 'text', width: 12 },
  { header: '企业名称', kind: 'text', width: 36 },
  { header: '统一社会信用代码', kind: 'text', width: 22 },
  { header: '申请号', kind: 'text', width: 18 },
  { header: '专利名称', kind: 'text', width: 36 },
  { header: '企业类别', kind: 'text', width: 16 },
  { header: '影响指标', kind: 'text', width: 26 },
  { header: '指标变化', kind: 'integer', width: 10 },
  { header: '指标目标值', kind: 'number', width: 12 },
  { header: '指标当前值', kind: 'number', width: 12 },
  { header: '指标预计值', kind: 'number', width: 12 },
  { header: '目标差距变化', kind: 'text', width: 60 },
  { header: '未达标企业数', kind: 'integer', width: 12 },
  { header: '差距合计（件）', kind: 'integer', width: 12 },
];

export const CANDIDATE_COLUMNS: ExportColumn[] = [
  { header: '序号', kind: 'integer', width: 6 },
  { header: '申请号', kind: 'text', width: 18 },
  { header: '专利名称', kind: 'text', width: 36 },
  { header: '申请日', kind: 'text', width: 12 },
  { header: '专利权人', kind: 'text', width: 40 },
  { header: '培育方向', kind: 'text', width: 18 },
  { header: '预计满足日期', kind: 'text', width: 14 },
  { header: '质押融资缺口（元）', kind: 'number', width: 16 },
];

/** 甲公司：高新技术企业 1→0（缺口打开）, one per changed gap. */
function gapChangeText(gaps: AlertGapChange[], names: Map<number, string>): string | null {
  if (gaps.length === 0) return null;
  return gaps
    .map((gap) => {
      const after = gap.leavesCategory ? '退出该类别' : `${gap.current}→${gap.after}`;
      return `${names.get(gap.enterpriseId) ?? ''}：${CATEGORY_NAMES[gap.category]} ${after}${gap.opens ? '（缺口打开）' : ''}`;
    })
    .join('；');
}

interface OutlookExport {
  ctx: Context;
  kind: 'alerts' | 'candidates';
  county: { code: string; name: string };
  asOf: IsoDate;
  days: number;
  notes: [string, string][];
}

/** The alert or candidate table of a county (its caller checks, as for every export, were made by exportTable). */
export async function outlookTable({ ctx, kind, county, asOf, days, notes }: OutlookExport): Promise<ExportTable> {
  if (kind === 'candidates') {
    const candidates = await allCountyCandidates(ctx, county.code, asOf, days);
    notes.push(
      ['展望期', `截至日期起 ${days} 天（至截至日期 + ${days} 天）`],
      [
        '口径',
        '截至日期有效、尚非高价值的发明专利：维持年限将在展望期内超过10年的（预计满足日期为首个满足之日），或已质押但融资金额低于规划较高质押融资金额标准的（缺口为标准减最大质押金额）；战略性新兴产业方向待IPC对照表（问题15）完成后加入',
      ],
      ['排序', '预计满足日期（质押类按截至日期），其次申请号、培育方向'],
    );
    return {
      kind,
      countyCode: county.code,
      countyName: county.name,
      asOf,
      title: `${county.name}高价值专利培育清单（截至${asOf}）`,
      sheetName: '培育清单',
      columns: CANDIDATE_COLUMNS,
      rows: candidates.map((c, i) => [
        i + 1,
        c.applicationNumber,
        c.title,
        c.filingDate,
        c.owners,
        REASON_NAMES[c.reason] ?? c.reason,
        c.expectedOn,
        c.shortfall === null ? null : Number(c.shortfall),
      ]),
      notes,
      fileName: `candidates-${county.code}-${asOf}`,
    };
  }

  const alerts = await allCountyAlerts(ctx, county.code, { asOf, withinDays: days, kinds: null });
  const enterpriseIds = [
    ...new Set(
      alerts.flatMap((alert) => [alert.enterpriseId, ...alert.effect.gaps.map((gap) => gap.enterpriseId)]).filter((id) => id !== null),
    ),
  ] as number[];
  const [enterprises, patents] = await Promise.all([
    enterpriseLoader(ctx).loadMany(enterpriseIds),
    patentLoader(ctx).loadMany(alerts.map((alert) => alert.patentId).filter((id): id is number => id !== null)),
  ]);
  const names = new Map<number, string>();
  const codes = new Map<number, string>();
  for (const enterprise of enterprises) {
    if (enterprise && !(enterprise instanceof Error)) {
      names.set(enterprise.id, enterprise.name);
      codes.set(enterprise.id, enterprise.creditCode);
    }
  }
  const patentById = new Map<number, Patent>();
  for (const patent of patents) if (patent && !(patent instanceof Error)) patentById.set(patent.id, patent);
  notes.push(
    ['预警期', `截至日期起 ${days} 天（含第 ${days} 天）`],
    [
      '口径',
      '证书到期：高新技术企业、专精特新认定有效期最后一天在预警期内且无接续认定；年费到期、年费滞纳、年费逾期未缴：截至日期为高价值的专利（逾期未缴的专利自缴费截止日起终止，待登记失效日）；保护期届满：高价值发明专利20年保护期最后一天；将低于目标：按已知日期（保护期、已登记失效、逾期未缴年费等）预警期内将不再达标；规划期将结束：规划最后一年已开始且有企业未达标',
    ],
    ['指标预计值', '本条及清单中此前各条均发生后的指标值，其他情况不变'],
    ['排序', '日期，其次预警类别、统一社会信用代码、申请号、企业类别'],
  );
  return {
    kind,
    countyCode: county.code,
    countyName: county.name,
    asOf,
    title: `${county.name}预警清单（截至${asOf}，${days}天内）`,
    sheetName: '预警清单',
    columns: ALERT_COLUMNS,
    rows: alerts.map((alert, i) => {
      const patent = alert.patentId === null ? undefined : patentById.get(alert.patentId);
      const { effect } = alert;
      return [
        i + 1,
        ALERT_KIND_NAMES[alert.kind],
        alert.date,
        alert.enterpriseId === null ? null : (names.get(alert.enterpriseId) ?? null),
        alert.enterpriseId === null ? null : (codes.get(alert.enterpriseId) ?? null),
        patent?.applicationNumber ?? null,
        patent?.title ?? null,
        alert.category ? CATEGORY_NAMES[alert.category] : null,
        effect.indicator ? INDICATOR_DEFINITIONS[effect.indicator].name : null,
        effect.change,
        effect.target,
        effect.before,
        effect.after,
        gapChangeText(effect.gaps, names),
        effect.unmetEnterprises,
        effect.totalGap,
      ];
    }),
    notes,
    fileName: `alerts-${county.code}-${asOf}`,
  };
}
