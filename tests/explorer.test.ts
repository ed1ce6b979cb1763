import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { withDatabase } from '../src/db/embedded';
import { ExplorerConfig } from '../src/explorer/config';
import { explorerHandler, ExplorerOptions } from '../src/explorer/explorer';
import { exampleOperations } from '../src/graphql/operations';
import { createLogger } from '../src/ops/logger';
import { RunningServer, startServer } from '../src/server';
import { withClient } from './support/ops-postgres';
import { testAdminUrl, testAppUrl } from './support/test-api';

/**
 * The explorer's page and files, as the server answers them (the page in a real browser: explorer.browser.test.ts).
 */

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const SDL = readFileSync(path.join(__dirname, '..', 'schema', 'schema.graphql'), 'utf8');
const DEMO_TOKEN = 'header.payload-of-the-demo.signature';

const assets = mkdtempSync(path.join(os.tmpdir(), 'hvp-explorer-assets-'));
writeFileSync(path.join(assets, 'explorer.js'), 'console.log("explorer")');
writeFileSync(path.join(assets, 'explorer.css'), 'body {}');
afterAll(() => rmSync(assets, { recursive: true, force: true }));

/** The handler alone behind an HTTP server; `remoteAddress` pretends the browser is elsewhere. */
async function serve(options: ExplorerOptions, remoteAddress?: string): Promise<{ url: string; close(): Promise<void> }> {
  const handler = explorerHandler(options);
  const server = http.createServer((request, response) => {
    if (remoteAddress) Object.defineProperty(request.socket, 'remoteAddress', { value: remoteAddress });
    void handler(request, response, { url: new URL(request.url ?? '/', 'http://localhost') });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function configOf(html: string): ExplorerConfig {
  const json = /<script id="explorer-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json!) as ExplorerConfig;
}

describe('the page', () => {
  it('loads only its own script and stylesheet, and a browser is told to contact nothing else', async () => {
    const server = await serve({ assetsDir: assets });
    try {
      const response = await fetch(`${server.url}/`, { headers: { accept: BROWSER } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy')!;
      for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "worker-src 'self'"])
        expect(csp).toContain(directive);
      const html = await response.text();
      // the icon is inline (`data:,`), so that the browser asks for no /favicon.ico either
      expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1])).toEqual([
        'data:,',
        '/explorer/explorer.css',
        '/explorer/explorer.js',
      ]);
      expect(html).not.toMatch(/https?:\/\//);
    } finally {
      await server.close();
    }
  });

  it('preloads the example operations of schema/operations/ as tabs, with their variables', async () => {
    const server = await serve({ assetsDir: assets });
    try {
      const config = configOf(await (await fetch(`${server.url}/graphql`)).text());
      expect(config.endpoint).toBe('/graphql');
      expect(config.schemaUrl).toBe('/schema.graphql');
      expect(config.tabs.map((tab) => tab.name)).toEqual(exampleOperations().map((operation) => operation.name));
      const dashboard = config.tabs.find((tab) => tab.name === 'CountyDashboard')!;
      expect(dashboard.query).toContain('query CountyDashboard(');
      expect(JSON.parse(dashboard.variables)).toEqual({ countyCode: '500231', asOf: '2024-12-31' });
    } finally {
      await server.close();
    }
  });

  it('fills in the demo token on the embedded demo start, for a browser on this machine only', async () => {
    const demo = await serve({ assetsDir: assets, demoToken: DEMO_TOKEN });
    const elsewhere = await serve({ assetsDir: assets, demoToken: DEMO_TOKEN }, '192.0.2.10');
    const production = await serve({ assetsDir: assets, demoToken: null });
    try {
      expect(configOf(await (await fetch(`${demo.url}/`)).text()).demoToken).toBe(DEMO_TOKEN);
      expect(configOf(await (await fetch(`${elsewhere.url}/`)).text()).demoToken).toBeNull();
      expect(configOf(await (await fetch(`${production.url}/`)).text()).demoToken).toBeNull();
    } finally {
      await Promise.all([demo.close(), elsewhere.close(), production.close()]);
    }
  });

  it('keeps a value that contains "</script>" inside its script element', async () => {
    const server = await serve({ assetsDir: assets, demoToken: '</script><script>alert(1)</script>' });
    try {
      const html = await (await fetch(`${server.url}/`)).text();
      expect(html.match(/<\/script>/g)).toHaveLength(2);
      expect(configOf(html).demoToken).toBe('</script><script>alert(1)</script>');
    } finally {
      await server.close();
    }
  });

  it('says how to build it when the bundle is missing', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'hvp-explorer-empty-'));
    const server = await serve({ assetsDir: empty });
    try {
      const response = await fetch(`${server.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run build');
    } finally {
      await server.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the files', () => {
  it('serves the bundle from its folder, and nothing outside it', async () => {
    mkdirSync(path.join(assets, 'sub'), { recursive: true });
    writeFileSync(path.join(assets, 'sub', 'hidden.js'), 'secret');
    const server = await serve({ assetsDir: assets });
    try {
      const script = await fetch(`${server.url}/explorer/explorer.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await script.text()).toBe('console.log("explorer")');
      expect((await fetch(`${server.url}/explorer/explorer.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
      for (const name of ['missing.js', 'sub/hidden.js', '..%2Fpackage.json', 'explorer.map']) {
        expect({ name, status: (await fetch(`${server.url}/explorer/${name}`)).status }).toEqual({ name, status: 404 });
      }
    } finally {
      await server.close();
    }
  });

  it('serves the committed SDL, for when introspection is refused', async () => {
    const server = await serve({ assetsDir: assets });
    try {
      const response = await fetch(`${server.url}/schema.graphql`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(SDL);
    } finally {
      await server.close();
    }
  });
});

describe('in the server', () => {
  const databaseName = `hvp_test_explorer_${randomBytes(6).toString('hex')}`;
  const databaseUrl = withDatabase(testAdminUrl(), databaseName);
  let server: RunningServer;

  beforeAll(async () => {
    await withClient(testAdminUrl(), (client) => client.query(`CREATE DATABASE ${databaseName}`));
    server = await startServer(
      {
        ...loadConfig({}),
        port: 0,
        databaseUrl,
        appDatabaseUrl: await testAppUrl(databaseUrl),
        jwtSecret: 'explorer-test-secret-of-at-least-32-characters',
        poolSize: 2,
        logLevel: 'silent',
      },
      { logger: createLogger('silent') },
    );
  });
  afterAll(async () => {
    await server?.stop();
    await withClient(testAdminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
  });

  it('answers a browser at / and /graphql with the explorer, and everything else as before', async () => {
    for (const where of ['/', '/graphql']) {
      const page = await fetch(`${server.url}${where}`, { headers: { accept: BROWSER } });
      // 503 until `npm run build` made the bundle: a page either way, and no 401
      expect({ where, type: page.headers.get('content-type') }).toEqual({ where, type: 'text/html; charset=utf-8' });
    }
    const api = await fetch(`${server.url}/graphql?query=%7B__typename%7D`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect(await (await fetch(`${server.url}/schema.graphql`)).text()).toBe(SDL);
    expect((await fetch(`${server.url}/explorer/missing.js`)).status).toBe(404);
  });
});
