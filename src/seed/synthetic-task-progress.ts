import { SYSTEM_PRINCIPAL } from '../auth/principal';
import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { TaskStatus } from '../task/task';
import { recordTaskProgress } from '../task/task.sql';

/**
 * Synthetic progress (合成示例) on some of Dianjiang's key tasks: reports of their units at the quarter ends of 2024, so
 * that Plan.taskBoard and the reports have something to show. The tasks and units are the plan's; the reports are not
 * real, and each text says so.
 */
const REPORTS: { number: number; unit: string; reportedOn: string; status: TaskStatus; text: string }[] = [
  {
    number: 1,
    unit: '县经济信息委',
    reportedOn: '2024-06-30',
    status: TaskStatus.ON_TRACK,
    text: '“4+1”产业集群重点企业专利布局分析已启动（合成示例 synthetic）',
  },
  {
    number: 1,
    unit: '县市场监管局',
    reportedOn: '2024-12-31',
    status: TaskStatus.AT_RISK,
    text: '战略性新兴产业发明专利拥有量距目标仍有差距（合成示例 synthetic）',
  },
  {
    number: 2,
    unit: '县科技局',
    reportedOn: '2024-09-30',
    status: TaskStatus.ON_TRACK,
    text: '新认定企业技术中心一批，高新技术企业培育库更新（合成示例 synthetic）',
  },
  {
    number: 3,
    unit: '县科技局',
    reportedOn: '2024-12-31',
    status: TaskStatus.AT_RISK,
    text: '研发经费投入统计数据尚未报送（合成示例 synthetic）',
  },
  {
    number: 4,
    unit: '县市场监管局',
    reportedOn: '2024-03-31',
    status: TaskStatus.DONE,
    text: '已对接中国(重庆)知识产权保护中心快速预审通道（合成示例 synthetic）',
  },
  {
    number: 5,
    unit: '县市场监管局',
    reportedOn: '2024-12-31',
    status: TaskStatus.ON_TRACK,
    text: '引进专利代理机构分支机构1家（合成示例 synthetic）',
  },
  {
    number: 8,
    unit: '县财政局',
    reportedOn: '2024-06-30',
    status: TaskStatus.ON_TRACK,
    text: '质押融资贴息补助资金已拨付（合成示例 synthetic）',
  },
  {
    number: 8,
    unit: '县市场监管局',
    reportedOn: '2024-12-31',
    status: TaskStatus.DONE,
    text: '知识产权质押融资登记金额已突破1000万元（合成示例 synthetic）',
  },
  {
    number: 10,
    unit: '县市场监管局',
    reportedOn: '2024-09-30',
    status: TaskStatus.NOT_STARTED,
    text: '资助奖励办法修订待启动（合成示例 synthetic）',
  },
];

export async function seedSyntheticTaskProgress(db: RequestDatabase, countyCode: string, startYear: number): Promise<void> {
  const tasks = await db.query<{ id: number; number: number }>(
    sql`SELECT t.id, t.number FROM plan_task t JOIN plan pl ON pl.id = t.plan_id
         WHERE pl.county_code = ${countyCode} AND pl.start_year = ${startYear}`,
  );
  const idOf = new Map(tasks.map((task) => [task.number, task.id]));
  for (const report of REPORTS) {
    const taskId = idOf.get(report.number);
    if (taskId === undefined) continue;
    await recordTaskProgress(db, SYSTEM_PRINCIPAL, { ...report, taskId: String(taskId) }, null, async () => undefined);
  }
}
