/**
 * The kept spans (migration InventionSpans) against the direct evaluation of the contract's rules
 * (src/high-value/high-value.sql.ts), which stays as the reference: for generated patents, owners, overseas grants,
 * awards, pledges, plans with changing thresholds, and a sequence of later writes, every patent's reasons and every
 * enterprise's count agree on every day that matters (each boundary, the day before it, and random days).
 */
import fc from 'fast-check';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { sql } from '../src/db/sql';
import { highValueReasonsSql, ownedHighValueCountsSql, patentStatusSql } from '../src/high-value/high-value.sql';
import { createTestApi, principal, TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const DAY_MS = 86_400_000;
const toDay = (epochDay: number) => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
const epochDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const addDays = (iso: string, days: number) => toDay(epochDay(iso) + days);
const addYears = (iso: string, years: number) => {
  // PostgreSQL's date + interval 'N years': 29 February plus one year is 28 February
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

const day = (from: string, to: string) => fc.integer({ min: epochDay(from), max: epochDay(to) }).map(toDay);
const leapDay = fc.constantFrom('2004-02-29', '2008-02-29', '2012-02-29', '2016-02-29', '2020-02-29');
const THRESHOLDS = [300_000, 500_000, 1_000_000, 2_000_000];

const patentSpec = fc.record({
  type: fc.constantFrom('INVENTION', 'INVENTION', 'INVENTION', 'UTILITY_MODEL'),
  filing: fc.oneof(day('2002-01-01', '2024-12-31'), leapDay),
  /** days from filing to grant; null: not granted */
  grantAfter: fc.option(fc.integer({ min: 0, max: 2000 }), { freq: 5 }),
  /** days from grant to lapse; null: no lapse */
  lapseAfter: fc.option(fc.integer({ min: 0, max: 6000 }), { freq: 2 }),
  strategic: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  overseas: fc.array(fc.integer({ min: -400, max: 3000 }), { maxLength: 2 }),
  awards: fc.array(fc.integer({ min: -1, max: 12 }), { maxLength: 2 }),
  owners: fc.subarray([0, 1, 2]),
});

const pledgeSpec = fc.record({
  amount: fc.oneof(fc.constantFrom(...THRESHOLDS), fc.integer({ min: 100_000, max: 2_500_000 })),
  registered: day('2008-01-01', '2030-12-31'),
  patents: fc.uniqueArray(fc.nat(5), { minLength: 1, maxLength: 3 }),
  pledgor: fc.nat(2),
});

const planSpec = fc.uniqueArray(fc.record({ startYear: fc.integer({ min: 2005, max: 2032 }), threshold: fc.constantFrom(...THRESHOLDS) }), {
  maxLength: 3,
  selector: (plan) => plan.startYear,
});

type Op =
  | { kind: 'threshold'; plan: number; threshold: number }
  | { kind: 'addPlan'; startYear: number; threshold: number }
  | { kind: 'removePlan'; plan: number }
  | { kind: 'deletePledge' | 'restorePledge' | 'unlinkPledge'; pledge: number }
  | { kind: 'amount'; pledge: number; amount: number }
  | { kind: 'lapse'; patent: number; lapseAfter: number | null }
  | { kind: 'deletePatent' | 'restorePatent'; patent: number }
  | { kind: 'strategic'; patent: number; strategic: boolean }
  | { kind: 'owner'; patent: number; enterprise: number; add: boolean }
  | { kind: 'award'; patent: number; year: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('threshold' as const), plan: fc.nat(2), threshold: fc.constantFrom(...THRESHOLDS) }),
  fc.record({
    kind: fc.constant('addPlan' as const),
    startYear: fc.integer({ min: 2005, max: 2032 }),
    threshold: fc.constantFrom(...THRESHOLDS),
  }),
  fc.record({ kind: fc.constant('removePlan' as const), plan: fc.nat(2) }),
  fc.record({ kind: fc.constantFrom('deletePledge' as const, 'restorePledge' as const, 'unlinkPledge' as const), pledge: fc.nat(2) }),
  fc.record({ kind: fc.constant('amount' as const), pledge: fc.nat(2), amount: fc.constantFrom(...THRESHOLDS, 999_999, 1_000_001) }),
  fc.record({ kind: fc.constant('lapse' as const), patent: fc.nat(5), lapseAfter: fc.option(fc.integer({ min: 0, max: 6000 })) }),
  fc.record({ kind: fc.constantFrom('deletePatent' as const, 'restorePatent' as const), patent: fc.nat(5) }),
  fc.record({ kind: fc.constant('strategic' as const), patent: fc.nat(5), strategic: fc.boolean() }),
  fc.record({ kind: fc.constant('owner' as const), patent: fc.nat(5), enterprise: fc.nat(2), add: fc.boolean() }),
  fc.record({ kind: fc.constant('award' as const), patent: fc.nat(5), year: fc.integer({ min: 2005, max: 2035 }) }),
);

const scenario = fc.record({
  plans: planSpec,
  patents: fc.array(patentSpec, { minLength: 1, maxLength: 6 }),
  pledges: fc.array(pledgeSpec, { maxLength: 3 }),
  ops: fc.array(op, { maxLength: 4 }),
  randomDays: fc.array(day('2002-01-01', '2046-12-31'), { minLength: 2, maxLength: 4 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
const ADMIN = principal({ role: Role.ADMIN, counties: ['*'], sub: 'property' });

/** The days that matter for a scenario: each boundary the rules name, the day before it, and a few random days. */
function daysOf(s: Scenario): string[] {
  const days = new Set<string>(s.randomDays);
  const add = (d: string) => {
    days.add(d);
    days.add(addDays(d, -1));
  };
  for (const p of s.patents) {
    add(p.filing);
    add(addYears(p.filing, 10));
    add(addDays(addYears(p.filing, 10), 1));
    add(addYears(p.filing, 20));
    if (p.grantAfter !== null) {
      const grant = addDays(p.filing, p.grantAfter);
      add(grant);
      if (p.lapseAfter !== null) add(addDays(grant, p.lapseAfter));
      for (const o of p.overseas) add(addDays(grant, o));
    }
    for (const a of p.awards) add(`${Number(p.filing.slice(0, 4)) + a}-01-01`);
  }
  for (const plan of s.plans) add(`${plan.startYear}-01-01`);
  for (const o of s.ops) if (o.kind === 'addPlan') add(`${o.startYear}-01-01`);
  for (const pledge of s.pledges) add(pledge.registered);
  return [...days].filter((d) => d >= '1990-01-01').sort();
}

class World {
  readonly county = String(600000 + serial++).padStart(6, '0');
  readonly planIds: number[] = [];
  readonly patentIds: number[] = [];
  readonly numbers: string[] = [];
  readonly enterpriseIds: number[] = [];
  readonly pledgeIds: number[] = [];
  readonly grants: (string | null)[] = [];

  constructor(private readonly db: RequestDatabase) {}

  /** The scenario's county, plans, three enterprises, patents with their lists, and pledges: one statement a table. */
  async build(s: Scenario): Promise<void> {
    await this.db.query(sql`INSERT INTO county (code, name) VALUES (${this.county}, ${`性质县 ${this.county}`})`);
    for (const plan of s.plans) await this.addPlan(plan.startYear, plan.threshold);
    const codes = [0, 1, 2].map((i) => `91${this.county}${String(i).padStart(9, '0')}A`);
    const enterprises = await this.db.query<{ id: number }>(
      sql`INSERT INTO enterprise (credit_code, name, county_code) SELECT c, '企业 ' || c, ${this.county} FROM unnest(${codes}::text[]) WITH ORDINALITY AS x(c, n)
       ORDER BY n RETURNING id`,
    );
    this.enterpriseIds.push(...enterprises.map((e) => e.id));

    const rows = s.patents.map((p) => {
      const grant = p.grantAfter === null ? null : addDays(p.filing, p.grantAfter);
      const n = serial++;
      return {
        number: `${p.filing.slice(0, 4)}1${String(n).padStart(7, '0')}.1`,
        grant,
        lapse: grant === null || p.lapseAfter === null ? null : addDays(grant, p.lapseAfter),
      };
    });
    this.grants.push(...rows.map((r) => r.grant));
    this.numbers.push(...rows.map((r) => r.number));
    const patents = await this.db.query<{ id: number }>(
      sql`INSERT INTO patent (application_number, title, type, county_code, filing_date, grant_date, lapse_date, strategic_industry)
       SELECT x.number, '专利 ' || x.number, x.type, ${this.county}, x.filing, x.grant_date, x.lapse_date, x.sei
         FROM unnest(${rows.map((r) => r.number)}::text[], ${s.patents.map((p) => p.type)}::text[], ${s.patents.map((p) => p.filing)}::date[], ${rows.map((r) => r.grant)}::date[], ${rows.map((r) => r.lapse)}::date[], ${s.patents.map((p) => (p.strategic ? 'NEW_MATERIALS' : null))}::text[]) WITH ORDINALITY
              AS x(number, type, filing, grant_date, lapse_date, sei, n)
        ORDER BY x.n RETURNING id`,
    );
    this.patentIds.push(...patents.map((p) => p.id));

    const owners = s.patents.flatMap((p, k) =>
      p.owners.map((owner, position) => [this.patentIds[k], this.enterpriseIds[owner], position + 1]),
    );
    const grants = s.patents.flatMap((p, k) =>
      rows[k].grant ? p.overseas.map((after, j) => [this.patentIds[k], ['US', 'EP'][j], addDays(rows[k].grant!, after)]) : [],
    );
    const awards = s.patents.flatMap((p, k) =>
      [...new Set(p.awards.map((a) => Number(p.filing.slice(0, 4)) + a))].map((year) => [this.patentIds[k], year]),
    );
    const column = (list: unknown[][], i: number) => list.map((row) => row[i]);
    await this.db.query(
      sql`INSERT INTO patent_owner (patent_id, enterprise_id, position) SELECT * FROM unnest(${column(owners, 0)}::int[], ${column(owners, 1)}::int[], ${column(owners, 2)}::int[])`,
    );
    await this.db.query(
      sql`INSERT INTO patent_overseas_grant (patent_id, jurisdiction, grant_date) SELECT * FROM unnest(${column(grants, 0)}::int[], ${column(grants, 1)}::text[], ${column(grants, 2)}::date[])`,
    );
    await this.db.query(
      sql`INSERT INTO patent_award (patent_id, kind, year) SELECT p, 'CHINA_PATENT_GOLD', y FROM unnest(${column(awards, 0)}::int[], ${column(awards, 1)}::int[]) AS x(p, y)`,
    );

    const pledges = await this.db.query<{ id: number }>(
      sql`INSERT INTO pledge_financing (enterprise_id, lender, amount, registered_on)
       SELECT e, '银行', a, d FROM unnest(${s.pledges.map((p) => this.enterpriseIds[p.pledgor])}::int[], ${s.pledges.map((p) => p.amount)}::numeric[], ${s.pledges.map((p) => p.registered)}::date[]) WITH ORDINALITY AS x(e, a, d, n) ORDER BY n RETURNING id`,
    );
    this.pledgeIds.push(...pledges.map((p) => p.id));
    const links = s.pledges.flatMap((p, k) =>
      [...new Set(p.patents.map((i) => this.patentIds[i % this.patentIds.length]))].map((id) => [this.pledgeIds[k], id]),
    );
    await this.db.query(
      sql`INSERT INTO pledge_financing_patent (pledge_financing_id, patent_id) SELECT * FROM unnest(${column(links, 0)}::int[], ${column(links, 1)}::int[])`,
    );
  }

  private async addPlan(startYear: number, threshold: number): Promise<void> {
    const [plan] = await this.db.query<{ id: number }>(
      sql`INSERT INTO plan (county_code, title, start_year, end_year, high_pledge_threshold) VALUES (${this.county}, ${`规划 ${startYear}`}, ${startYear}, ${startYear} + 2, ${threshold})
       ON CONFLICT (county_code, start_year) DO NOTHING RETURNING id`,
    );
    if (plan) this.planIds.push(plan.id);
  }

  async apply(o: Op): Promise<void> {
    const pick = <T>(list: T[], k: number) => (list.length ? list[k % list.length] : undefined);
    switch (o.kind) {
      case 'threshold': {
        const plan = pick(this.planIds, o.plan);
        if (plan) await this.db.query(sql`UPDATE plan SET high_pledge_threshold = ${o.threshold} WHERE id = ${plan}`);
        return;
      }
      case 'addPlan':
        return this.addPlan(o.startYear, o.threshold);
      case 'removePlan': {
        const plan = pick(this.planIds, o.plan);
        if (plan) {
          await this.db.query(sql`DELETE FROM plan WHERE id = ${plan}`);
          this.planIds.splice(this.planIds.indexOf(plan), 1);
        }
        return;
      }
      case 'deletePledge':
      case 'restorePledge': {
        const pledge = pick(this.pledgeIds, o.pledge);
        if (pledge)
          await this.db.query(
            sql`SELECT * FROM hvp_set_deleted('pledge_financing', ${String(pledge)}, ${o.kind === 'deletePledge'}, NULL)`,
          );
        return;
      }
      case 'unlinkPledge': {
        const pledge = pick(this.pledgeIds, o.pledge);
        if (pledge) {
          await this.db.query(
            sql`DELETE FROM pledge_financing_patent WHERE pledge_financing_id = ${pledge}
               AND patent_id = (SELECT min(patent_id) FROM pledge_financing_patent WHERE pledge_financing_id = ${pledge})`,
          );
        }
        return;
      }
      case 'amount': {
        const pledge = pick(this.pledgeIds, o.pledge);
        if (pledge) await this.db.query(sql`UPDATE pledge_financing SET amount = ${o.amount} WHERE id = ${pledge}`);
        return;
      }
      case 'lapse': {
        const k = o.patent % this.patentIds.length;
        const grant = this.grants[k];
        if (grant) {
          const lapse = o.lapseAfter === null ? null : addDays(grant, o.lapseAfter);
          await this.db.query(sql`UPDATE patent SET lapse_date = ${lapse} WHERE id = ${this.patentIds[k]}`);
        }
        return;
      }
      case 'deletePatent':
      case 'restorePatent': {
        const number = this.numbers[o.patent % this.numbers.length];
        await this.db.query(sql`SELECT * FROM hvp_set_deleted('patent', ${number}, ${o.kind === 'deletePatent'}, NULL)`);
        return;
      }
      case 'strategic': {
        const id = this.patentIds[o.patent % this.patentIds.length];
        await this.db.query(sql`UPDATE patent SET strategic_industry = ${o.strategic ? 'BIOTECHNOLOGY' : null} WHERE id = ${id}`);
        return;
      }
      case 'owner': {
        const id = this.patentIds[o.patent % this.patentIds.length];
        const enterprise = this.enterpriseIds[o.enterprise];
        if (o.add) {
          await this.db.query(
            sql`INSERT INTO patent_owner (patent_id, enterprise_id, position)
             SELECT ${id}, ${enterprise}, COALESCE(max(position), 0) + 1 FROM patent_owner WHERE patent_id = ${id}
             HAVING EXISTS (SELECT 1 FROM patent WHERE id = ${id}) -- not of a deleted patent: its owners are not edited
             ON CONFLICT DO NOTHING`,
          );
        } else {
          await this.db.query(sql`DELETE FROM patent_owner WHERE patent_id = ${id} AND enterprise_id = ${enterprise}`);
        }
        return;
      }
      case 'award': {
        const id = this.patentIds[o.patent % this.patentIds.length];
        await this.db.query(
          sql`INSERT INTO patent_award (patent_id, kind, year) VALUES (${id}, 'NATIONAL_SCIENCE_TECHNOLOGY', ${o.year}) ON CONFLICT DO NOTHING`,
        );
        return;
      }
    }
  }

  /** Every (patent, day) and (enterprise, day) on which the kept figures differ from the direct evaluation. */
  async disagreements(days: string[]): Promise<unknown[]> {
    const patents = await this.db.query(
      sql`SELECT * FROM (
         SELECT p.id, d.day::text AS day, ${highValueReasonsSql(sql`p`, sql`d.day`)} AS direct,
                p.type = 'INVENTION' AND ${patentStatusSql(sql`p`, sql`d.day`)} = 'VALID' AS valid,
                (SELECT s.reasons FROM invention_span s WHERE s.patent_id = p.id AND s.starts <= d.day AND d.day < s.ends) AS kept,
                (SELECT count(*) FROM invention_span s WHERE s.patent_id = p.id AND s.starts <= d.day AND d.day < s.ends)::int AS spans
           FROM patent p CROSS JOIN unnest(${days}::date[]) AS d(day)
          WHERE p.county_code = ${this.county}) x
        WHERE x.spans <> (CASE WHEN x.valid THEN 1 ELSE 0 END) OR COALESCE(x.kept, '{}') <> x.direct`,
    );
    const orphans = await this.db.query(
      sql`SELECT s.* FROM invention_span s WHERE s.county_code = ${this.county} AND NOT EXISTS (SELECT 1 FROM patent p WHERE p.id = s.patent_id)`,
    );
    const enterprises = await this.db.query(
      sql`SELECT * FROM (
         SELECT e.id, d.day::text AS day, COALESCE(o.high_value, 0) AS direct,
                COALESCE((SELECT CASE WHEN h.ends > d.day THEN h.high_value END FROM enterprise_high_value h
                           WHERE h.enterprise_id = e.id AND h.starts <= d.day ORDER BY h.starts DESC LIMIT 1), 0) AS kept
           FROM enterprise e CROSS JOIN unnest(${days}::date[]) AS d(day)
           LEFT JOIN LATERAL (${ownedHighValueCountsSql(sql`SELECT e.id`, sql`d.day`)}) o ON true
          WHERE e.county_code = ${this.county}) x
        WHERE x.direct <> x.kept`,
    );
    return [...patents, ...orphans.map((row) => ({ orphan: row })), ...enterprises.map((row) => ({ enterprise: row }))];
  }
}

const RUNS = Number(process.env.PROPERTY_RUNS || 40);

it(`kept spans and enterprise counts agree with the direct evaluation (${RUNS} scenarios, each checked after every write)`, async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      const db = new RequestDatabase(api.dataSource, {}, ADMIN);
      let committed = false;
      try {
        const world = new World(db);
        await world.build(s);
        const days = daysOf(s);
        expect(await world.disagreements(days)).toEqual([]);
        for (const o of s.ops) {
          await world.apply(o);
          expect({ after: o, disagreements: await world.disagreements(days) }).toEqual({ after: o, disagreements: [] });
        }
        await db.finish(true);
        committed = true;
      } finally {
        if (!committed) await db.finish(false);
      }
    }),
    { numRuns: RUNS },
  );
}, 600_000);

it('publishes the counties a transaction changed when it commits, not before, and not when it rolls back', async () => {
  const version = async (code: string) =>
    (await api.sql(`SELECT version FROM county_data_version WHERE county_code = $1`, [code]))[0]?.version ?? null;
  const db = new RequestDatabase(api.dataSource, {}, ADMIN);
  await db.query(sql`INSERT INTO county (code, name) VALUES ('699998', '版本县')`);
  await db.finish(true);
  const first = Number(await version('699998'));
  expect(first).toBeGreaterThan(0);

  const writer = new RequestDatabase(api.dataSource, {}, ADMIN);
  await writer.query(sql`INSERT INTO enterprise (credit_code, name, county_code) VALUES ('91699998000000001A', '版本企业', '699998')`);
  expect(Number(await version('699998'))).toBe(first);
  await writer.finish(true);
  expect(Number(await version('699998'))).toBe(first + 1);

  const abandoned = new RequestDatabase(api.dataSource, {}, ADMIN);
  await abandoned.query(sql`UPDATE enterprise SET name = '改名' WHERE credit_code = '91699998000000001A'`);
  await abandoned.finish(false);
  expect(Number(await version('699998'))).toBe(first + 1);
});
