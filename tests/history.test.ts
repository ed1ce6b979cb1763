/**
 * History: every change keeps who, when, through which door (API with the mutation and operation name; import with
 * file and row) and the values before and after; only an ADMIN reads it; nothing a user does destroys what it holds.
 */
import path from 'node:path';
import { Role } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { importFile } from '../src/import/import.service';
import { ENTERPRISES as E, NUMBERS as N } from './fixtures/import/make-fixtures';
import { applicationNumber, creditCode, givenChongqingAndDianjiang, givenCounty, givenEnterprise, givenPatent } from './support/builders';
import { createTestApi, principal, TestApi } from './support/test-api';
import { sql } from '../src/db/sql';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await givenChongqingAndDianjiang(api);
  await givenCounty(api, '500232', '邻县', '500000');
});
afterAll(() => api.close());

const editor = () => api.as({ role: 'EDITOR', counties: ['500231'], sub: 'editor-zhang' });

const ENTRY = `action part version actor actorRole door operation operationName file row before after changedFields recordType recordKey transactionId at`;
const ENTERPRISE_HISTORY = `query($c: String!, $first: Int, $after: String) { enterprise(creditCode: $c) {
  history(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${ENTRY} } } } } }`;
const PATENT_HISTORY = `query($n: String!) { patent(applicationNumber: $n) { history(first: 100) { totalCount edges { node { ${ENTRY} } } } } }`;

const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((edge) => edge.node);

async function enterpriseHistory(code: string, caller: { ok: TestApi['ok'] } = api): Promise<any[]> {
  return nodes((await caller.ok(ENTERPRISE_HISTORY, { c: code, first: 100 })).enterprise.history);
}

describe('changes through the API', () => {
  const code = creditCode(11);
  const SAVE = `mutation SaveEnterprise($input: EnterpriseInput!) { upsertEnterprise(input: $input) { version } }`;
  const input = (name: string, memberships: { category: string; validFrom: string }[]) => ({
    creditCode: code,
    countyCode: '500231',
    name,
    memberships,
  });

  beforeAll(async () => {
    await editor().ok(SAVE, { input: input('历史企业', [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }]) });
    await editor().ok(SAVE, { input: input('历史企业（更名）', [{ category: 'HIGH_TECH', validFrom: '2023-01-01' }]) });
    // the memberships replaced: the old one is removed, and recoverable from here
    await editor().ok(SAVE, { input: input('历史企业（更名）', [{ category: 'SPECIALIZED_NEW', validFrom: '2024-01-01' }]) });
  });

  it('keeps who, when, the mutation and the operation name, and the values before and after, newest first', async () => {
    const entries = await enterpriseHistory(code);
    expect(entries.map((e) => [e.action, e.part, e.version])).toEqual([
      ['CREATED', 'membership', 3],
      ['REMOVED', 'membership', 3],
      ['UPDATED', 'enterprise', 2],
      ['CREATED', 'membership', 1],
      ['CREATED', 'enterprise', 1],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actor: 'editor-zhang',
        actorRole: 'EDITOR',
        door: 'API',
        operation: 'upsertEnterprise',
        operationName: 'SaveEnterprise',
        file: null,
        row: null,
        recordType: 'Enterprise',
        recordKey: code,
      });
      expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
    }
    const [added, removed, renamed, , created] = entries;
    expect(renamed.before).toMatchObject({ name: '历史企业', creditCode: code, countyCode: '500231', deletedAt: null });
    expect(renamed.after).toMatchObject({ name: '历史企业（更名）' });
    expect(renamed.changedFields).toEqual(['name']);
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ name: '历史企业', creditCode: code });
    expect(removed.before).toMatchObject({ category: 'HIGH_TECH', validFrom: '2023-01-01', validTo: '2025-12-31' });
    expect(removed.after).toBeNull();
    expect(added.after).toMatchObject({ category: 'SPECIALIZED_NEW', validFrom: '2024-01-01' });
    // one mutation, one transaction
    expect(added.transactionId).toBe(removed.transactionId);
    expect(renamed.transactionId).not.toBe(removed.transactionId);
  });

  it('pages newest first with cursors', async () => {
    const first = (await api.ok(ENTERPRISE_HISTORY, { c: code, first: 2 })).enterprise.history;
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await api.ok(ENTERPRISE_HISTORY, { c: code, first: 10, after: first.pageInfo.endCursor })).enterprise.history;
    expect(nodes(rest).map((e: any) => e.action)).toEqual(['UPDATED', 'CREATED', 'CREATED']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('records a deletion and a restore, and lists deletions for the county', async () => {
    await editor().ok(`mutation Remove($c: String!) { deleteEnterprise(creditCode: $c) { id } }`, { c: code });
    const deletions = await api.ok(
      `{ county(code: "500231") { deletions(first: 10) { edges { node { action part recordType recordKey actor operation } } } } }`,
    );
    expect(nodes(deletions.county.deletions)).toEqual(
      expect.arrayContaining([
        {
          action: 'DELETED',
          part: 'enterprise',
          recordType: 'Enterprise',
          recordKey: code,
          actor: 'editor-zhang',
          operation: 'deleteEnterprise',
        },
        {
          action: 'DELETED',
          part: 'membership',
          recordType: 'Enterprise',
          recordKey: code,
          actor: 'editor-zhang',
          operation: 'deleteEnterprise',
        },
      ]),
    );
    const restored = await api.ok(`mutation($c: String!) { restoreEnterprise(creditCode: $c) { version } }`, { c: code });
    const entries = await enterpriseHistory(code);
    expect(entries.slice(0, 4).map((e) => [e.action, e.part, e.actor])).toEqual([
      ['RESTORED', 'membership', 'test-admin'],
      ['RESTORED', 'enterprise', 'test-admin'],
      ['DELETED', 'membership', 'editor-zhang'],
      ['DELETED', 'enterprise', 'editor-zhang'],
    ]);
    expect(entries[1].version).toBe(restored.restoreEnterprise.version);
    expect(entries[3].changedFields).toEqual(['deletedAt']);
  });

  it("keeps a patent's replaced owners, grants and awards", async () => {
    const a = await givenEnterprise(api, { serial: 12, name: '权利人甲' });
    const b = await givenEnterprise(api, { serial: 13, name: '权利人乙' });
    const number = await givenPatent(api, { owners: [a], awards: [{ kind: 'CHINA_PATENT_GOLD', year: 2022 }] });
    await givenPatent(api, {
      applicationNumber: number,
      owners: [b],
      awards: [],
      overseasGrants: [{ jurisdiction: 'US', grantDate: '2023-01-01' }],
    });
    const entries = nodes((await api.ok(PATENT_HISTORY, { n: number })).patent.history);
    const summary = entries.map((e: any) => [e.action, e.part]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['CREATED', 'patent'],
        ['CREATED', 'owner'],
        ['CREATED', 'award'],
        ['REMOVED', 'owner'],
        ['REMOVED', 'award'],
        ['CREATED', 'overseasGrant'],
      ]),
    );
    const removedAward = entries.find((e: any) => e.action === 'REMOVED' && e.part === 'award');
    expect(removedAward.before).toMatchObject({ kind: 'CHINA_PATENT_GOLD', year: 2022 });
    expect(entries[0].version).toBe(2);
    expect(entries.every((e: any) => e.operation === 'upsertPatent' && e.recordKey === number)).toBe(true);
  });

  it("keeps the county's statistics and plans", async () => {
    const SET = `mutation($input: CountyStatisticsInput!) { setCountyStatistics(input: $input) { version } }`;
    await api.ok(SET, { input: { countyCode: '500231', year: 2023, population: 640000 } });
    await api.ok(SET, { input: { countyCode: '500231', year: 2023, population: 650000 } });
    const { county } = await api.ok(`{ county(code: "500231") { history(first: 5) { edges { node { action part before after } } } } }`);
    const [update] = nodes(county.history);
    expect(update).toMatchObject({
      action: 'UPDATED',
      part: 'statistics',
      before: { population: 640000, year: 2023 },
      after: { population: 650000 },
    });
  });
});

describe('changes through the import', () => {
  const FIXTURES = path.join(__dirname, 'fixtures', 'import');

  async function importAs(file: string, kind: 'enterprises' | 'patents', category?: string) {
    const db = new RequestDatabase(api.dataSource, {}, principal({ role: Role.ADMIN, counties: ['500231'], sub: 'import-cli:li' }));
    try {
      const summary = await importFile(db, path.join(FIXTURES, file), {
        countyCode: '500231',
        kind,
        category: category as never,
        partial: true,
      });
      await db.finish(true);
      return summary;
    } catch (error) {
      await db.finish(false);
      throw error;
    }
  }

  beforeAll(async () => {
    await importAs('high-tech-enterprises.csv', 'enterprises', 'HIGH_TECH');
    await importAs('specialized-new-enterprises.xlsx', 'enterprises');
    await importAs('listing-reserve-enterprises.csv', 'enterprises');
    await importAs('cnipa-patents.xlsx', 'patents');
  });

  it('names the file and the row of each enterprise change (a membership added to a list leaves the others be)', async () => {
    const entries = await enterpriseHistory(E.equipment.code);
    expect(entries.map((e) => [e.action, e.part, e.file, e.row])).toEqual([
      ['CREATED', 'membership', 'specialized-new-enterprises.xlsx', 3],
      ['CREATED', 'membership', 'high-tech-enterprises.csv', 3],
      ['CREATED', 'enterprise', 'high-tech-enterprises.csv', 3],
    ]);
    expect(entries.every((e) => e.door === 'IMPORT' && e.operation === 'import enterprises' && e.actor === 'import-cli:li')).toBe(true);
    const biotech = await enterpriseHistory(E.biotech.code);
    expect(biotech.map((e) => e.row)).toEqual([5, 5]);
  });

  it('names the row of each patent of a batch written in a few statements', async () => {
    const rows: Record<string, number> = { [N.battery]: 2, [N.conveyor]: 3, [N.box]: 4, [N.catalyst]: 5, [N.sensor]: 6 };
    for (const [number, row] of Object.entries(rows)) {
      const entries = nodes((await api.ok(PATENT_HISTORY, { n: number })).patent.history);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries)
        expect([entry.door, entry.file, entry.row, entry.operation]).toEqual(['IMPORT', 'cnipa-patents.xlsx', row, 'import patents']);
    }
    // the battery patent has two owners: both entries name row 2
    const battery = nodes((await api.ok(PATENT_HISTORY, { n: N.battery })).patent.history);
    expect(battery.filter((e: any) => e.part === 'owner')).toHaveLength(2);
  });

  it('names the mutation and the position of each row of an import mutation', async () => {
    const numbers = [applicationNumber(), applicationNumber()];
    await editor().ok(`mutation Sync($rows: [PatentImportRow!]!) { importPatents(countyCode: "500231", rows: $rows) { applied } }`, {
      rows: numbers.map((n) => ({ applicationNumber: n, title: `接口导入 ${n}`, filingDate: '2020-01-01', owners: [E.biotech.name] })),
    });
    for (const [i, number] of numbers.entries()) {
      const entries = nodes((await api.ok(PATENT_HISTORY, { n: number })).patent.history);
      for (const entry of entries) {
        expect(entry).toMatchObject({
          door: 'API',
          operation: 'importPatents',
          operationName: 'Sync',
          file: null,
          row: i + 1,
          actor: 'editor-zhang',
        });
      }
    }
  });

  it('writes nothing when an import writes nothing (a re-import, a dry run)', async () => {
    const [{ n: before }] = await api.sql(`SELECT count(*)::int AS n FROM history`);
    await importAs('high-tech-enterprises.csv', 'enterprises', 'HIGH_TECH');
    await importAs('cnipa-patents.xlsx', 'patents');
    expect(await api.sql(`SELECT count(*)::int AS n FROM history`)).toEqual([{ n: before }]);
  });
});

describe('who may read it', () => {
  const code = creditCode(21);
  beforeAll(() => givenEnterprise(api, { serial: 21, name: '隐私企业' }));

  it('is FORBIDDEN for every role but ADMIN', async () => {
    for (const role of ['EDITOR', 'VIEWER'] as const) {
      const result = await api.as({ role, counties: ['500231'] }).execute(ENTERPRISE_HISTORY, { c: code });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const county = await api.as({ role, counties: ['500231'] }).execute(`{ county(code: "500231") { history { totalCount } } }`);
      expect(county.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const own = await api.as({ role: 'ENTERPRISE', counties: ['500231'], creditCode: code }).execute(ENTERPRISE_HISTORY, { c: code });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await api.as({ role: 'ADMIN', counties: ['500231'] }).ok(ENTERPRISE_HISTORY, { c: code });
    expect(admin.enterprise.history.totalCount).toBe(1);
  });

  it('is hidden by Row Level Security from other roles and other counties, and the application cannot change it', async () => {
    const count = async (claims: Parameters<TestApi['as']>[0]) => {
      const db = new RequestDatabase(api.dataSource, {}, principal(claims));
      try {
        return (await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM history WHERE record_key = ${code}`))[0].n;
      } finally {
        await db.finish(false);
      }
    };
    expect(await count({ role: 'ADMIN', counties: ['500231'] })).toBe(1);
    expect(await count({ role: 'EDITOR', counties: ['500231'] })).toBe(0);
    expect(await count({ role: 'ADMIN', counties: ['500232'] })).toBe(0);

    const db = new RequestDatabase(api.dataSource, {}, principal({ role: 'ADMIN', counties: ['*'] }));
    try {
      for (const statement of [
        sql`DELETE FROM history`,
        sql`UPDATE history SET actor = 'someone else'`,
        sql`INSERT INTO history (record_type, record_id, table_name, action, door) VALUES ('County', 'x', 'x', 'CREATED', 'API')`,
      ]) {
        await expect(db.atomically(() => db.query(statement))).rejects.toMatchObject({ code: '42501' });
      }
    } finally {
      await db.finish(false);
    }
  });
});
