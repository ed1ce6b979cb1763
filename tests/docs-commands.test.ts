import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/ops/logger';
import { seedDemo } from '../src/seed/seed';
import { RunningServer, startServer } from '../src/server';
import { bare, blocks, CI, commands, firstQueryBlock, IN_CI, NOT_RUN, PAGES, ROOT } from './support/docs';
import { createTestApi, TestApi, testAppUrl } from './support/test-api';

/**
 * Every shell command of the README and docs/ runs: here, in the checkout, on a database seeded with the demo data
 * (DATABASE_URL) and a server over it (`http://localhost:4000` of the pages is its address, $TOKEN an ADMIN's token);
 * or, for what a newcomer types first, in .ci/run. `npm run test:docs` (one ts-node start per command: too slow for
 * every `npm test`, so .ci/run runs it once).
 */

jest.setTimeout(600_000);

const SECRET = 'docs-test-secret-of-at-least-32-characters';
let api: TestApi;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  api = await createTestApi();
  expect(await seedDemo(api.dataSource)).toBe(true);
  server = await startServer(
    {
      ...loadConfig({}),
      port: 0,
      databaseUrl: api.adminUrl,
      appDatabaseUrl: await testAppUrl(api.adminUrl),
      jwtSecret: SECRET,
      poolSize: 2,
      logLevel: 'silent',
    },
    { logger: createLogger('silent') },
  );
  token = await signToken(SECRET, { sub: 'docs-test', role: Role.ADMIN, counties: ['*'] }, 3600);
});
afterAll(async () => {
  await server?.stop();
  await api?.close();
});

it('every shell command of the pages runs', async () => {
  const run = promisify(execFile);
  const env = { ...process.env, DATABASE_URL: api.adminUrl, JWT_SECRET: SECRET, TOKEN: token, LOG_LEVEL: 'silent' };
  const firstQuery = firstQueryBlock();
  const ran: string[] = [];

  /** the commands of one page, in their order (a page's commands may build on each other: create, then revoke) */
  const runPage = async (page: string) => {
    for (const block of blocks(page).filter((block) => block.lang === 'sh')) {
      const inFirstQuery = page === 'README.md' && firstQuery.includes(block.text);
      for (const command of commands(block)) {
        if (inFirstQuery) {
          expect(CI).toContain('first-query');
          continue;
        }
        if (bare(command) in IN_CI) {
          expect({ command, ci: IN_CI[bare(command)].every((pattern) => pattern.test(CI)) }).toEqual({ command, ci: true });
          continue;
        }
        const name = /^npm run (?:-s )?([\w:-]+)/.exec(command)?.[1];
        if (name && name in NOT_RUN) continue;
        const line = command.replaceAll('http://localhost:4000', server.url);
        const outcome = await run('bash', ['-c', line], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 }).then(
          (done) => ({ code: 0, output: done.stdout + done.stderr }),
          (error: { code?: number; stdout?: string; stderr?: string }) => ({
            code: error.code ?? -1,
            output: `${error.stdout}${error.stderr}`,
          }),
        );
        // an import that refused some rows says so with status 1 (docs/import.md); anything else must succeed
        const allowed = /^npm run import /.test(command) ? [0, 1] : [0];
        // on a failure the difference names the page, the command and the end of what it printed
        const output = outcome.output.slice(-2000);
        expect({ page, command, code: allowed.includes(outcome.code) ? 'ok' : outcome.code, output }).toEqual({
          page,
          command,
          code: 'ok',
          output,
        });
        if (/^curl /.test(command) && !/ -o /.test(command)) expect(JSON.parse(outcome.output).errors).toBeUndefined();
        ran.push(command);
      }
    }
  };
  // the pages side by side: they touch different records
  await Promise.all(PAGES.map(runPage));
  expect(ran.length).toBeGreaterThan(10);
});
