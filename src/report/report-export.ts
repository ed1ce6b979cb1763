/**
 * A published report as the same XLSX/CSV as the live export (src/export/): the same tables built from the report's
 * frozen rows, with the publication on the 说明 sheet. GET /export/{gaps|indicators}.{xlsx|csv}?report=<id>.
 */
import { requireCountyWide } from '../auth/guard';
import { countyLoader } from '../county/county.sql';
import { ExportKind, ExportTable, gapsTable, indicatorsTable, planWithPeriod } from '../export/export-tables';
import { Context } from '../graphql/context';
import { chinaTime } from '../graphql/dates';
import { badUserInput, notFound } from '../graphql/errors';
import { plansOfCountyLoader } from '../plan/plan.sql';
import { reportLoader } from './report.sql';

export async function exportReportTable(ctx: Context, reportText: string, kind: ExportKind): Promise<ExportTable> {
  if (kind !== 'gaps' && kind !== 'indicators') throw badUserInput('what', `a report holds gaps and indicators, not "${kind}"`);
  if (!/^\d{1,9}$/.test(reportText)) throw badUserInput('report', `must be the id of a published report, got "${reportText}"`);
  requireCountyWide(ctx, `the ${kind} export`);
  const report = await reportLoader(ctx).load(Number(reportText));
  if (!report) throw notFound(`no report ${reportText} among the caller's counties`);
  const [county, plans] = await Promise.all([countyLoader(ctx).load(report.countyCode), plansOfCountyLoader(ctx).load(report.countyCode)]);
  const plan = plans.find((candidate) => candidate.id === report.planId);
  const notes: [string, string][] = [
    ['县（区）', county!.name],
    ['行政区划代码', report.countyCode],
    ['截至日期', report.asOf],
    ['规划', plan ? planWithPeriod(plan) : '无（截至日期无有效规划，故无目标）'],
    ['导出时间', chinaTime()],
    ['导出人', `${ctx.principal.subject}（${ctx.principal.role}）`],
    ['报送编号', String(report.id)],
    ['报送期', `${report.period}（${report.periodStart}至${report.periodEnd}）`],
    ['数据截止时间', chinaTime(report.dataCutoff)],
    ['发布时间', chinaTime(report.publishedAt)],
    ['发布人', `${report.publishedBy}（${report.publishedRole}）`],
    [
      '状态',
      report.withdrawnAt
        ? `已撤回：${chinaTime(report.withdrawnAt)}，${report.withdrawnBy}，原因：${report.withdrawalReason}`
        : '有效（发布后不可更改）',
    ],
  ];
  const fileName = `${kind}-${report.countyCode}-${report.period}-report-${report.id}`;
  return kind === 'gaps'
    ? gapsTable(county!, report.asOf, notes, report.targetGaps, false, fileName)
    : indicatorsTable(county!, report.asOf, notes, report.indicators, fileName);
}
