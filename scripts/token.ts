import 'reflect-metadata';
import { parseCounties, principalFromClaims, Role } from '../src/auth/principal';
import { signToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { readOrCreateSecret } from '../src/db/secrets';
import { durationSeconds, options } from './cli-args';

const USAGE = `npm run -s token -- --role ADMIN|EDITOR|VIEWER|ENTERPRISE --county 500231 [--county …] [--credit-code …] [--unit 县科技局] [--sub …] [--expires 12h]

Prints a development token (HS256) signed with JWT_SECRET, or, when JWT_SECRET is unset, with the secret the
embedded start keeps in DATA_DIR (default .data/jwt-secret). --county "*" is every county; --expires takes
s, m, h or d (default 12h; at most JWT_MAX_TTL, 24h unless set); --unit (EDITOR only) the unit of the plan it acts for.`;

async function run(): Promise<void> {
  const args = options(process.argv.slice(2), ['role', 'county', 'credit-code', 'unit', 'sub', 'expires'], USAGE);
  const config = loadConfig();
  const counties = (args.county ?? []).flatMap((value) => value.split(','));
  const role = args.role?.[0]?.toUpperCase() as Role | undefined;
  const checked = principalFromClaims(
    {
      sub: args.sub?.[0] ?? `dev-${(role ?? 'user').toLowerCase()}`,
      role,
      counties,
      creditCode: args['credit-code']?.[0],
      unit: args.unit?.[0],
    },
    'jwt',
  );
  if (!checked.ok) throw new Error(`${checked.reason}\n\n${USAGE}`);
  if (!parseCounties(counties).ok) throw new Error(USAGE);
  const secret = config.jwtSecret ?? readOrCreateSecret(config.dataDir, 'jwt-secret');
  const { principal } = checked;
  const seconds = durationSeconds(args.expires?.[0] ?? '12h');
  if (seconds > config.jwtMaxTtlSeconds) {
    throw new Error(
      `--expires ${args.expires?.[0]}: the server refuses tokens living longer than JWT_MAX_TTL (${config.jwtMaxTtlSeconds} s)`,
    );
  }
  const token = await signToken(
    secret,
    { sub: principal.subject, role: principal.role, counties: principal.counties, creditCode: principal.creditCode, unit: principal.unit },
    seconds,
  );
  process.stdout.write(`${token}\n`);
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
