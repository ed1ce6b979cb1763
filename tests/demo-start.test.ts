import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The embedded demo start (`npm start` without DATABASE_URL), as a process: it prints a ready demo token (ADMIN of
 * every county), keeps its JWT secret in the data folder so that tokens outlive a restart, and queries as the
 * generated application role. (A process, not startServer: what it prints is part of what is tested.)
 */

jest.setTimeout(240_000);

const root = mkdtempSync(path.join(os.tmpdir(), 'hvp-demo-start-'));
const dataDir = path.join(root, 'data');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  EMBEDDED_PG_DIR: path.join(root, 'postgres'),
  EMBEDDED_PG_PORT: String(54360 + Math.floor(Math.random() * 30)),
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'info',
  DATABASE_POOL_SIZE: '2',
};
for (const name of ['DATABASE_URL', 'APP_DATABASE_URL', 'APP_DATABASE_PASSWORD', 'JWT_SECRET', 'JWKS_URL', 'NODE_ENV']) delete env[name];

let child: ChildProcess | null = null;

afterAll(async () => {
  await stop();
  rmSync(root, { recursive: true, force: true });
});

async function stop(): Promise<void> {
  const running = child;
  child = null;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  await exited;
}

/** Starts src/main.ts; resolves with its URL and what it printed on stderr once it listens. */
function start(): Promise<{ url: string; stderr: string }> {
  const spawned = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: path.resolve(__dirname, '..'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = spawned;
  let stdout = '';
  let stderr = '';
  spawned.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${stdout}\n${stderr}`)), 200_000);
    spawned.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /"url":"(http:\/\/localhost:\d+)\/graphql"/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stderr });
      }
    });
    spawned.once('exit', () => reject(new Error(`the server exited:\n${stdout}\n${stderr}`)));
  });
}

async function post(url: string, query: string, authorization?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

it('prints a demo token that answers the README query, and keeps the secret across a restart', async () => {
  const first = await start();
  const token = /Authorization: Bearer (\S+)/.exec(first.stderr)?.[1];
  expect(token).toBeDefined();
  expect(readFileSync(path.join(dataDir, 'demo-token'), 'utf8').trim()).toBe(token);

  const query = `{ me { role counties } county(code: "500231") { name plan { title } } }`;
  const answer = await post(first.url, query, `Bearer ${token}`);
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data.me).toEqual({ role: 'ADMIN', counties: ['*'] });
  expect(answer.body.data.county.name).toBe('垫江县');
  expect(answer.body.data.county.plan.title).toMatch(/垫江县高价值发明专利/);
  expect((await post(first.url, query)).status).toBe(401);
  for (const secret of ['jwt-secret', 'app-db-password']) {
    expect(statSync(path.join(dataDir, secret)).mode & 0o777).toBe(0o600);
  }

  await stop();
  const second = await start();
  expect((await post(second.url, query, `Bearer ${token}`)).body.data.me.role).toBe('ADMIN');
});
