import 'reflect-metadata';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { buildExplorer } from '../scripts/build-explorer';
import { loadConfig } from '../src/config';
import { exampleOperations } from '../src/graphql/operations';
import { createLogger } from '../src/ops/logger';
import { RunningServer, startServer } from '../src/server';
import { freePort } from './support/ops-postgres';

/**
 * The explorer in a real browser (Debian's chromium, driven by playwright-core), on the embedded demo start as
 * `npm start` runs it: the page comes with the demo token and the example operations, runs the county dashboard, and
 * asks nothing of any other host. Where introspection is refused it reads the committed SDL instead.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..');
/** the picture in docs/ is a copy of this one */
const SCREENSHOT = path.join(ROOT, '.data', 'explorer.png');

const work = mkdtempSync(path.join(os.tmpdir(), 'hvp-explorer-browser-'));
let server: RunningServer;
let origin: string;
let context: BrowserContext;
/** every URL the browser asked for, pages and workers alike */
const requested: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  await buildExplorer(path.join(ROOT, 'dist', 'explorer'));
  const config = loadConfig({});
  server = await startServer(
    {
      ...config,
      port: 0,
      databaseUrl: null,
      embeddedDataDir: path.join(work, 'postgres'),
      embeddedPort: await freePort(),
      dataDir: path.join(work, 'data'),
      poolSize: 4,
      logLevel: 'silent',
    },
    { logger: createLogger('silent'), print: () => undefined },
  );
  origin = `http://127.0.0.1:${server.port}`;
  context = await chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 860 },
  });
  context.on('request', (request) => requested.push(request.url()));
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The text of the answer pane once it holds `text`. */
async function answerContaining(page: Page, text: string): Promise<string> {
  try {
    await page.locator('.graphiql-response').filter({ hasText: text }).waitFor({ timeout: 60_000 });
  } catch (error) {
    const failed = path.join(ROOT, '.data', 'explorer-failed.png');
    await page.screenshot({ path: failed });
    throw new Error(`no "${text}" in the answer (screenshot: ${failed}): ${await page.locator('.graphiql-response').textContent()}`, {
      cause: error,
    });
  }
  return (await page.locator('.graphiql-response').textContent()) ?? '';
}

async function openExplorer(page: Page, at: string): Promise<void> {
  await page.goto(`${origin}${at}`);
  await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
  await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
}

it('runs the county dashboard with the demo token it was given, and asks no other host for anything', async () => {
  expect(server.demoToken).toBeTruthy();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openExplorer(page, '/graphql');

  expect(await page.locator('input[name="credentials"]').inputValue()).toBe(server.demoToken);
  await page.getByTestId('schema-source').filter({ hasText: 'schema: introspection' }).waitFor();
  const tabs = await page.locator('.graphiql-tab').allTextContents();
  // a tab for each example operation of schema/operations
  for (const { name } of exampleOperations()) expect(tabs.join(' ')).toContain(name);

  await page.locator('.graphiql-execute-button').click();
  const answer = await answerContaining(page, '垫江县');
  expect(answer).toContain('垫江县高价值发明专利质量提升行动实施方案');
  expect(answer).toContain('breakthroughSummary');
  // run in the page, where sessionStorage is the tab's
  expect(await page.evaluate('sessionStorage.getItem("hvp-explorer-credentials")')).toBe(server.demoToken);
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });

  // the GraphQL language worker starts when the editor gets to it, not at a fixed point: wait for it, do not race it
  const worker = `${origin}/explorer/graphql.worker.js`;
  for (const deadline = Date.now() + 30_000; !requested.includes(worker) && Date.now() < deadline;) await page.waitForTimeout(100);

  expect(errors).toEqual([]);
  const elsewhere = requested.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  expect(elsewhere).toEqual([]);
  expect(requested).toEqual(
    expect.arrayContaining([`${origin}/graphql`, `${origin}/explorer/explorer.js`, `${origin}/explorer/graphql.worker.js`]),
  );
  await page.close();
});

it('reads the committed SDL where introspection is refused, and still runs an operation', async () => {
  const page = await context.newPage();
  // what a production server without GRAPHQL_INTROSPECTION answers to the introspection query
  await page.route(`${origin}/graphql`, async (route) => {
    if (route.request().method() === 'POST' && route.request().postData()?.includes('IntrospectionQuery')) {
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'GraphQL introspection is not allowed', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
        }),
      });
    } else {
      await route.fallback();
    }
  });
  const before = requested.length;
  await openExplorer(page, '/');
  await page.getByTestId('schema-source').filter({ hasText: 'schema/schema.graphql' }).waitFor();
  expect(requested.slice(before)).toContain(`${origin}/schema.graphql`);
  // a second visit: the example tabs as they were left, and no extra one
  expect(await page.locator('.graphiql-tab').allTextContents()).toHaveLength(exampleOperations().length);

  await page.locator('.graphiql-execute-button').click();
  await answerContaining(page, '垫江县');
  await page.close();
});
