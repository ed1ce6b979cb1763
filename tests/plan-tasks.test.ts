/**
 * Key tasks (重点任务) and their units: the seeded tasks are the plan's own text, units are per county and referenced,
 * progress is recorded with its reporter, versioned and kept in history, and the task board is one statement.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_PRINCIPAL } from '../src/auth/principal';
import { RequestDatabase } from '../src/db/request-database';
import { seedDemo } from '../src/seed/seed';
import { DIANJIANG_PLAN_TASKS } from '../src/seed/real-plan-tasks';
import { setPlanTasks } from '../src/task/task.sql';
import { givenCounty, givenPlan } from './support/builders';
import { expectRefused } from './support/refused';
import { createTestApi, TestApi } from './support/test-api';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  expect(await seedDemo(api.dataSource)).toBe(true);
});
afterAll(() => api.close());

/** The plan's 二、重点任务 read straight from the plan file: PDF line breaks, spaces and page marks removed. */
function tasksOfPlanFile() {
  // the plan file of shared/plan, copied into the repository so that a clone alone runs the tests
  const raw = readFileSync(path.join(__dirname, 'fixtures', 'plan', 'dianjiang-2022-2024.txt'), 'utf8');
  const text = raw.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
  const part = text.slice(text.indexOf('二、重点任务') + '二、重点任务'.length, text.indexOf('三、支持措施'));
  const task = /(?:\(([一二三四五])\)([^。]*)。)?(\d+)．(.*?)\(责任单位：(.*?)(?:[；，]配合单位：(.*?))?\)(?=\d+．|\([一二三四五]\)|$)/g;
  let section = '';
  let sectionTitle = '';
  return [...part.matchAll(task)].map((m) => {
    if (m[1]) [section, sectionTitle] = [`(${m[1]})`, m[2]];
    return {
      section,
      sectionTitle,
      number: Number(m[3]),
      title: m[4].slice(0, m[4].indexOf('。')),
      text: m[4],
      responsible: m[5].split('、'),
      cooperating: m[6] ? m[6].split('、') : [],
    };
  });
}

const PLAN_TASKS = `{ county(code: "500231") { plan(year: 2024) { id tasks { id label section sectionTitle number title text indicatorKinds
  responsibleUnits { name countyCode } cooperatingUnits { name } } } } }`;

describe('the seeded tasks', () => {
  it('are the 13 tasks of the plan file, with their text and units', async () => {
    const fromFile = tasksOfPlanFile();
    expect(fromFile.map((task) => task.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(DIANJIANG_PLAN_TASKS.map(({ serves: _, ...task }) => task)).toEqual(fromFile);

    const { county } = await api.ok(PLAN_TASKS);
    expect(county.plan.tasks).toHaveLength(13);
    expect(
      county.plan.tasks.map((task: any) => ({
        section: task.section,
        sectionTitle: task.sectionTitle,
        number: task.number,
        title: task.title,
        text: task.text,
        responsible: task.responsibleUnits.map((unit: any) => unit.name),
        cooperating: task.cooperatingUnits.map((unit: any) => unit.name),
      })),
    ).toEqual(fromFile);
    expect(county.plan.tasks[0].label).toBe('(一)1. 聚焦重点产业');
    expect(county.plan.tasks[7].label).toBe('(三)8. 大力发展知识产权金融');
    expect(county.plan.tasks[0].responsibleUnits).toEqual([
      { name: '县经济信息委', countyCode: '500231' },
      { name: '县市场监管局', countyCode: '500231' },
    ]);
    expect(county.plan.tasks[9].cooperatingUnits).toEqual([{ name: '县财政局' }]);
  });

  it('serve the indicator kinds whose goals their text names, in the enum order', async () => {
    for (const task of DIANJIANG_PLAN_TASKS) {
      for (const { quote } of task.serves) {
        // every part of the quote is in the task's text, in order
        let at = 0;
        for (const piece of quote.split('……')) {
          const found = task.text.indexOf(piece, at);
          expect({ task: task.number, piece, found: found >= 0 }).toEqual({ task: task.number, piece, found: true });
          at = found + piece.length;
        }
      }
    }
    const { county } = await api.ok(PLAN_TASKS);
    const kinds = Object.fromEntries(county.plan.tasks.map((task: any) => [task.number, task.indicatorKinds]));
    expect(kinds[1]).toEqual(['SEI_INVENTION_PATENTS', 'SEI_INVENTION_PATENT_SHARE', 'SEI_OUTPUT_VALUE']);
    expect(kinds[2]).toEqual(['HIGH_TECH_ENTERPRISES', 'SPECIALIZED_NEW_ENTERPRISES', 'INNOVATION_PLATFORMS']);
    expect(kinds[3]).toEqual([
      'HIGH_VALUE_PATENTS_PER_100M_YUAN_RD',
      'HIGH_VALUE_PATENTS_PER_100M_YUAN_GDP',
      'NEW_HIGH_VALUE_PATENTS',
      'RD_INVESTMENT_GROWTH',
    ]);
    expect(kinds[5]).toEqual(['IP_SERVICE_AGENCIES', 'PATENT_SERVICE_PRACTITIONERS']);
    expect(kinds[8]).toEqual(['PLEDGE_FINANCING_AMOUNT', 'KNOWLEDGE_VALUE_LOANS']);
    for (const none of [4, 6, 9, 11, 12, 13]) expect(kinds[none]).toEqual([]);
  });

  it("leave Chongqing's plan without tasks", async () => {
    const { county } = await api.ok(`{ county(code: "500000") { plan(year: 2024) { title tasks { id } } units { name } } }`);
    expect(county.plan.tasks).toEqual([]);
    expect(county.units).toEqual([]);
  });

  it('make units first-class: County.units lists each once, with its tasks and roles', async () => {
    const { county } = await api.ok(`{ county(code: "500231") { units { name tasks { role task { number } } } } }`);
    const names = county.units.map((unit: any) => unit.name);
    expect(names).toHaveLength(new Set(names).size);
    expect(names).toEqual(
      expect.arrayContaining(['县市场监管局', '县科技局', '县高新区(工业园区)管委会', '人行垫江县支行', '涪陵海关', '县银保监组']),
    );
    expect(names).toHaveLength(16);
    const market = county.units.find((unit: any) => unit.name === '县市场监管局');
    expect(market.tasks.filter((t: any) => t.role === 'RESPONSIBLE').map((t: any) => t.task.number)).toEqual([
      1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    expect(market.tasks.filter((t: any) => t.role === 'COOPERATING').map((t: any) => t.task.number)).toEqual([2, 3]);
    const customs = county.units.find((unit: any) => unit.name === '涪陵海关');
    expect(customs.tasks).toEqual([{ role: 'COOPERATING', task: { number: 13 } }]);
  });
});

describe('setPlanTasks', () => {
  const SET = `mutation($input: PlanTasksInput!) { setPlanTasks(input: $input) { number label indicatorKinds
    responsibleUnits { name countyCode } cooperatingUnits { name } } }`;
  const task = (number: number, extra: Record<string, unknown> = {}) => ({
    section: '(一)',
    sectionTitle: '强化创新源头供给',
    number,
    title: `任务${number}`,
    text: `任务${number}。到2024年……`,
    responsibleUnits: ['县市场监管局'],
    cooperatingUnits: ['县科技局'],
    indicatorKinds: ['PLEDGE_FINANCING_AMOUNT', 'HIGH_VALUE_PATENTS'],
    ...extra,
  });

  beforeAll(async () => {
    await givenCounty(api, '500250', '设置县', '500000');
    await givenPlan(api, { countyCode: '500250', startYear: 2022 });
  });

  it("sets a plan's tasks with the county's units; the same number again replaces the task, others stay", async () => {
    const input = { countyCode: '500250', startYear: 2022, tasks: [task(1), task(2, { cooperatingUnits: [] })] };
    const first = (await api.ok(SET, { input })).setPlanTasks;
    expect(first[0]).toEqual({
      number: 1,
      label: '(一)1. 任务1',
      indicatorKinds: ['HIGH_VALUE_PATENTS', 'PLEDGE_FINANCING_AMOUNT'],
      responsibleUnits: [{ name: '县市场监管局', countyCode: '500250' }],
      cooperatingUnits: [{ name: '县科技局' }],
    });
    const second = (await api.ok(SET, { input: { ...input, tasks: [task(2, { title: '改名', responsibleUnits: ['县财政局'] })] } }))
      .setPlanTasks;
    expect(second.map((t: any) => [t.number, t.label, t.responsibleUnits.map((u: any) => u.name)])).toEqual([
      [1, '(一)1. 任务1', ['县市场监管局']],
      [2, '(一)2. 改名', ['县财政局']],
    ]);
    const { county } = await api.ok(`{ county(code: "500250") { units { name } } }`);
    expect(county.units.map((u: any) => u.name)).toEqual(['县市场监管局', '县科技局', '县财政局']);
  });

  it('is for an ADMIN of the county, and refuses an unknown plan and bad tasks', async () => {
    const input = { countyCode: '500250', startYear: 2022, tasks: [task(3)] };
    const editor = await api.as({ role: 'EDITOR', counties: ['500250'] }).execute(SET, { input });
    expect(editor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outside = await api.as({ role: 'ADMIN', counties: ['500231'] }).execute(SET, { input });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await expectRefused(api, SET, { input: { ...input, startYear: 2019 } }, 'input.startYear', /no plan of 500250 starting 2019/);
    await expectRefused(api, SET, { input: { ...input, tasks: [task(3, { responsibleUnits: [] })] } }, 'responsibleUnits', /at least one/);
    await expectRefused(api, SET, { input: { ...input, tasks: [task(3), task(3)] } }, 'tasks', /same task number twice/);
    await expectRefused(api, SET, { input: { ...input, tasks: [task(3, { section: '一' })] } }, 'section');
    await expectRefused(
      api,
      SET,
      { input: { ...input, tasks: [task(3, { cooperatingUnits: ['县科技局', '县科技局'] })] } },
      'cooperatingUnits',
      /twice/,
    );
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM plan_task WHERE county_code = '500250' AND number = 3`);
    expect(n).toBe(0);
  });
});

const RECORD = `mutation($input: TaskProgressInput!, $v: Int) { recordTaskProgress(input: $input, expectedVersion: $v) {
  id reportedOn status text version reportedBy reportedRole reporterUnit unit { name } task { label } } }`;

async function taskId(number: number): Promise<string> {
  const { county } = await api.ok(`{ county(code: "500231") { plan(year: 2024) { tasks { id number } } } }`);
  return county.plan.tasks.find((task: any) => task.number === number).id;
}

describe('recordTaskProgress', () => {
  const editor = (unit?: string) => api.as({ role: 'EDITOR', counties: ['500231'], sub: 'editor-li', ...(unit ? { unit } : {}) });

  it('records a report with its reporter, and replaces it for the same unit and day (version, history)', async () => {
    const id = await taskId(2);
    const input = { taskId: id, reportedOn: '2025-03-31', unit: '县科技局', status: 'ON_TRACK', text: '新增创新平台2个' };
    const first = (await editor('县科技局').ok(RECORD, { input })).recordTaskProgress;
    expect(first).toMatchObject({
      reportedOn: '2025-03-31',
      status: 'ON_TRACK',
      version: 1,
      reportedBy: 'editor-li',
      reportedRole: 'EDITOR',
      reporterUnit: '县科技局',
      unit: { name: '县科技局' },
      task: { label: '(一)2. 聚焦创新主体' },
    });
    const again = (await editor('县科技局').ok(RECORD, { input: { ...input, status: 'AT_RISK', text: '平台认定推迟' }, v: 1 }))
      .recordTaskProgress;
    expect(again).toMatchObject({ id: first.id, version: 2, status: 'AT_RISK', text: '平台认定推迟' });

    const stale = await editor('县科技局').execute(RECORD, { input, v: 1 });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const { county } = await api.ok(
      `{ county(code: "500231") { history(first: 10) { edges { node { part action actor before after } } } } }`,
    );
    const entries = county.history.edges.map((edge: any) => edge.node).filter((entry: any) => entry.part === 'taskProgress');
    expect(entries[0]).toMatchObject({
      action: 'UPDATED',
      actor: 'editor-li',
      before: { body: '新增创新平台2个' },
      after: { body: '平台认定推迟' },
    });
    expect(entries[1]).toMatchObject({ action: 'CREATED', after: { status: 'ON_TRACK' } });

    const { county: read } = await api.ok(
      `{ county(code: "500231") { plan(year: 2024) { tasks { number progress { reportedOn status unit { name } } } } } }`,
    );
    const progress = read.plan.tasks.find((task: any) => task.number === 2).progress;
    expect(progress[0]).toEqual({ reportedOn: '2025-03-31', status: 'AT_RISK', unit: { name: '县科技局' } });
  });

  it('refuses a unit the task does not name, an unknown task, a day after today, a blank text', async () => {
    const id = await taskId(4);
    const input = { taskId: id, reportedOn: '2025-03-31', unit: '县科技局', status: 'DONE', text: '已完成' };
    await expectRefused(
      editor(),
      RECORD,
      { input },
      'input.unit',
      /县科技局 is not a unit of task \(二\)4\. 推动发明专利快速审查; its units are 县市场监管局/,
    );
    await expectRefused(editor(), RECORD, { input: { ...input, taskId: '999999' } }, 'input.taskId', /no key task/);
    await expectRefused(editor(), RECORD, { input: { ...input, unit: '县市场监管局', reportedOn: '2999-01-01' } }, 'reportedOn');
    await expectRefused(editor(), RECORD, { input: { ...input, unit: '县市场监管局', text: '  ' } }, 'text', /blank/);
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM task_progress WHERE task_id = $1 AND reported_on = '2025-03-31'`, [id]);
    expect(n).toBe(0);
  });

  it("is FORBIDDEN for another unit than the token's, a VIEWER, and another county's EDITOR", async () => {
    const id = await taskId(8);
    const input = { taskId: id, reportedOn: '2025-03-31', unit: '县财政局', status: 'ON_TRACK', text: '贴息资金已拨付' };
    const other = await editor('县科技局').execute(RECORD, { input });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(other.errors?.[0].message).toMatch(/acts for 县科技局/);
    const viewer = await api.as({ role: 'VIEWER', counties: ['500231'] }).execute(RECORD, { input });
    expect(viewer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await givenCounty(api, '500232', '邻县', '500000');
    const outside = await api.as({ role: 'EDITOR', counties: ['500232'] }).execute(RECORD, { input });
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // an EDITOR without a unit claim may report for any unit of the task
    expect((await editor().ok(RECORD, { input })).recordTaskProgress.reporterUnit).toBeNull();
  });

  it('keeps the unit claim for EDITOR tokens only, and tokens without it valid', async () => {
    const { principalFromClaims } = await import('../src/auth/principal');
    expect(principalFromClaims({ sub: 'a', role: 'VIEWER', counties: ['500231'], unit: '县科技局' }, 'jwt')).toMatchObject({ ok: false });
    expect(principalFromClaims({ sub: 'a', role: 'EDITOR', counties: ['500231'], unit: '' }, 'jwt')).toMatchObject({ ok: false });
    const plain = principalFromClaims({ sub: 'a', role: 'EDITOR', counties: ['500231'] }, 'jwt');
    expect(plain.ok && plain.principal.unit).toBeFalsy();
    expect((await editor('县科技局').ok(`{ me { role unit } }`)).me).toEqual({ role: 'EDITOR', unit: '县科技局' });
    expect((await editor().ok(`{ me { unit } }`)).me).toEqual({ unit: null });
  });
});

const BOARD = (asOf: string) => `{ county(code: "500231") { plan(year: 2024) { taskBoard(asOf: "${asOf}") {
  task { number } latest { reportedOn status unit { name } text } indicators { kind actual target } } } } }`;

describe('Plan.taskBoard', () => {
  it("gives each task's latest status on asOf beside its indicators' values on asOf", async () => {
    const { county } = await api.ok(BOARD('2024-12-31'));
    const board = county.plan.taskBoard;
    expect(board.map((row: any) => row.task.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    // the demo's synthetic progress: task 8's latest on 2024-12-31 is 县市场监管局's DONE, on 2024-09-30 县财政局's
    expect(board[7].latest).toMatchObject({ reportedOn: '2024-12-31', status: 'DONE', unit: { name: '县市场监管局' } });
    const { county: earlier } = await api.ok(BOARD('2024-09-30'));
    expect(earlier.plan.taskBoard[7].latest).toMatchObject({ reportedOn: '2024-06-30', status: 'ON_TRACK', unit: { name: '县财政局' } });
    expect(earlier.plan.taskBoard[11].latest).toBeNull();

    const { county: live } = await api.ok(`{ county(code: "500231") { indicators(asOf: "2024-12-31") { kind actual target } } }`);
    const byKind = new Map(live.indicators.map((value: any) => [value.kind, value]));
    expect(board[7].indicators.map((value: any) => value.kind)).toEqual(['PLEDGE_FINANCING_AMOUNT', 'KNOWLEDGE_VALUE_LOANS']);
    for (const row of board) for (const value of row.indicators) expect(value).toEqual(byKind.get(value.kind));
    expect(board[3].indicators).toEqual([]);
  });

  it('is FORBIDDEN for an ENTERPRISE caller', async () => {
    const [{ code }] = await api.sql(`SELECT credit_code AS code FROM enterprise WHERE county_code = '500231' LIMIT 1`);
    const result = await api.as({ role: 'ENTERPRISE', counties: ['500231'], creditCode: code }).execute(BOARD('2024-12-31'));
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('costs the same statements for one plan and for four', async () => {
    const query = `{ counties { code plans { taskBoard(asOf: "2024-12-31") { task { number responsibleUnits { name } } latest { status } indicators { kind actual } } } } }`;
    const lists = `{ counties { code units { name tasks { role task { number } } } plans { tasks { cooperatingUnits { name } progress { status } } } } }`;
    const one = await api.countStatements(query);
    const listsOne = await api.countStatements(lists);
    for (let i = 0; i < 3; i++) {
      const code = String(500240 + i);
      await givenCounty(api, code, `任务县${i}`, '500000');
      await givenPlan(api, { countyCode: code, startYear: 2022, indicatorTargets: [{ kind: 'PLEDGE_FINANCING_AMOUNT', target: 100 }] });
      const db = new RequestDatabase(api.dataSource, {}, SYSTEM_PRINCIPAL);
      await setPlanTasks(db, { countyCode: code, startYear: 2022, tasks: DIANJIANG_PLAN_TASKS.slice(0, 8) });
      await db.finish(true);
    }
    const four = await api.countStatements(query);
    expect(four).toBe(one);
    expect(await api.countStatements(lists)).toBe(listsOne);
    const { counties } = await api.ok(query);
    expect(counties.find((c: any) => c.code === '500240').plans[0].taskBoard[7].indicators).toEqual([
      { kind: 'PLEDGE_FINANCING_AMOUNT', actual: 0 },
    ]);
  });
});
