import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { withDatabase } from '../src/db/embedded';
import { startServer } from '../src/server';
import { createLogger } from '../src/ops/logger';
import { Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { testAdminUrl, testAppUrl } from './support/test-api';
import { withClient } from '../src/db/client';

const JWT_SECRET = 'shutdown-test-secret-of-32-characters-or-more';
let token = '';
beforeAll(async () => {
  token = await signToken(JWT_SECRET, { sub: 'shutdown-test', role: Role.ADMIN, counties: ['*'] }, 3600);
});

/**
 * Graceful shutdown: a request in flight when the server is told to stop still gets its whole answer, and no new
 * connection is accepted meanwhile. The request is made slow for real: it waits for a table lock this test holds.
 */

async function createDatabase() {
  const name = `hvp_test_stop_${randomBytes(6).toString('hex')}`;
  await withClient(testAdminUrl(), (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(testAdminUrl(), name),
    drop: () => withClient(testAdminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

const ADD_COUNTY = `mutation($input: CountyInput!) { upsertCounty(input: $input) { code } }`;
const SLOW_READ = `query Slow { county(code: "500231") { code name } }`;

/** Holds an ACCESS EXCLUSIVE lock on county until release(), and waits until a statement of the server queues behind it. */
async function holdCountyLock(database: { url: string; name: string }) {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE county IN ACCESS EXCLUSIVE MODE');
  return {
    async untilAStatementWaits() {
      for (let i = 0; i < 400; i++) {
        const { rows } = await client.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          [database.name],
        );
        if (rows[0].waiting > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('no statement of the server waited for the lock');
    },
    async release() {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

/** resolves to the connection error's code, or 'connected' */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

async function untilRefused(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await tryConnect(port)) === 'ECONNREFUSED') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`port ${port} still accepts connections`);
}

describe('stop() in the process', () => {
  it('stops accepting, lets the request in flight answer 200 with its data, then closes the pool', async () => {
    const database = await createDatabase();
    try {
      const server = await startServer(
        {
          ...loadConfig({}),
          port: 0,
          databaseUrl: database.url,
          appDatabaseUrl: await testAppUrl(database.url),
          jwtSecret: JWT_SECRET,
          poolSize: 2,
          logLevel: 'silent',
        },
        { logger: createLogger('silent') },
      );
      await post(server.url, ADD_COUNTY, { input: { code: '500231', name: '垫江县' } });

      const lock = await holdCountyLock(database);
      let answered = false;
      const slow = post(server.url, SLOW_READ).finally(() => (answered = true));
      let stopped = false;
      let stopping: Promise<void>;
      try {
        await lock.untilAStatementWaits();
        stopping = server.stop().then(() => {
          stopped = true;
        });
        await untilRefused(server.port);
        expect(answered).toBe(false);
        expect(stopped).toBe(false);
      } finally {
        await lock.release();
      }
      const answer = await slow;
      expect(answer).toEqual({ status: 200, body: { data: { county: { code: '500231', name: '垫江县' } } } });
      await stopping;
      expect(server.dataSource.isInitialized).toBe(false);
    } finally {
      await database.drop();
    }
  });
});

describe('SIGTERM to the server process (src/main.ts)', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('finishes the request in flight, logs that it is stopping and exits 0 within 10 s', async () => {
    const database = await createDatabase();
    try {
      const root = path.resolve(__dirname, '..');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        APP_DATABASE_URL: await testAppUrl(database.url),
        JWT_SECRET,
        PORT: '0',
        LOG_LEVEL: 'info',
        DATABASE_POOL_SIZE: '2',
      };
      delete env.NODE_ENV;
      const spawned = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = spawned;
      let output = '';
      spawned.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      spawned.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => spawned.once('exit', (code) => resolve(code)));

      // the server logs its URL once it listens
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 45_000);
        const look = () => {
          const match = /"url":"(http:\/\/localhost:\d+)\/graphql"/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        spawned.stdout!.on('data', look);
        spawned.once('exit', () => reject(new Error(`the server exited:\n${output}`)));
      });
      const port = Number(new URL(url).port);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      await post(url, ADD_COUNTY, { input: { code: '500231', name: '垫江县' } });

      const lock = await holdCountyLock(database);
      const slow = post(url, SLOW_READ);
      let signalled = 0;
      try {
        await lock.untilAStatementWaits();
        spawned.kill('SIGTERM');
        signalled = Date.now();
        await untilRefused(port);
        expect(spawned.exitCode).toBeNull();
      } finally {
        await lock.release();
      }
      expect(await slow).toEqual({ status: 200, body: { data: { county: { code: '500231', name: '垫江县' } } } });
      expect(await exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      const lines = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line));
      expect(lines).toContainEqual(expect.objectContaining({ level: 'info', signal: 'SIGTERM', msg: 'SIGTERM: stopping' }));
      expect(lines).toContainEqual(expect.objectContaining({ level: 'info', msg: 'stopped' }));
      expect(lines).toContainEqual(expect.objectContaining({ operation: 'Slow', status: 200, outcome: 'success' }));
    } finally {
      await database.drop();
    }
  });
});
