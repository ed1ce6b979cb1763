import { DataSource } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../auth/principal';
import { RequestDatabase } from '../db/request-database';
import { sql } from '../db/sql';
import { setCountyStatistics, upsertCounty } from '../county/county.sql';
import { upsertPlan } from '../plan/plan.sql';
import { REAL_COUNTIES, REAL_PLANS, REAL_STATISTICS } from './real-plans';
import { seedSyntheticDianjiang, SYNTHETIC_COUNTY } from './synthetic';
import { seedSyntheticIndicators } from './synthetic-indicators';
import { seedSyntheticInterestPayments } from './synthetic-interest';
import { seedSyntheticAnnuities } from './synthetic-annuities';
import { setPlanTasks } from '../task/task.sql';
import { REAL_PLAN_TASKS } from './real-plan-tasks';
import { seedSyntheticTaskProgress } from './synthetic-task-progress';
import { seedSyntheticSupport } from './synthetic-support';
import { seedSyntheticConcordance } from './synthetic-concordance';
import { seedDianjiangTags } from './synthetic-tags';
import {
  SYNTHETIC_NEIGHBOUR,
  SYNTHETIC_NEIGHBOUR_PLAN,
  SYNTHETIC_NEIGHBOUR_STATISTICS,
  seedSyntheticNeighbour,
} from './synthetic-neighbour';

/** Seeding runs as the server itself: ADMIN of every county, under Row Level Security like any request. */
export async function isDemoSeeded(dataSource: DataSource): Promise<boolean> {
  const db = new RequestDatabase(dataSource, {}, SYSTEM_PRINCIPAL);
  try {
    const rows = await db.query(sql`SELECT 1 FROM enterprise WHERE county_code = ${SYNTHETIC_COUNTY} LIMIT 1`);
    return rows.length > 0;
  } finally {
    await db.finish(true);
  }
}

/** The real plans and statistics, then the synthetic Dianjiang set; one transaction. Idempotent: does nothing when seeded. */
export async function seedDemo(dataSource: DataSource): Promise<boolean> {
  if (await isDemoSeeded(dataSource)) return false;
  const db = new RequestDatabase(dataSource, {}, SYSTEM_PRINCIPAL);
  try {
    for (const county of REAL_COUNTIES) await upsertCounty(db, county);
    for (const statistics of REAL_STATISTICS) await setCountyStatistics(db, statistics);
    for (const plan of REAL_PLANS) await upsertPlan(db, plan);
    await seedSyntheticDianjiang(db);
    await seedSyntheticIndicators(db);
    await seedSyntheticInterestPayments(db);
    await seedSyntheticAnnuities(db);
    for (const plan of REAL_PLAN_TASKS) {
      await setPlanTasks(db, plan);
      await seedSyntheticTaskProgress(db, plan.countyCode, plan.startYear);
    }
    await seedSyntheticSupport(db);
    await upsertCounty(db, SYNTHETIC_NEIGHBOUR);
    for (const statistics of SYNTHETIC_NEIGHBOUR_STATISTICS) await setCountyStatistics(db, statistics);
    await upsertPlan(db, SYNTHETIC_NEIGHBOUR_PLAN);
    await seedSyntheticNeighbour(db);
    await seedSyntheticConcordance(db);
    await seedDianjiangTags(db);
    await db.finish(true);
    return true;
  } catch (error) {
    await db.finish(false);
    throw error;
  }
}
