import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '../auth/principal';
import { signToken } from '../auth/tokens';

/** How long the demo token printed by the embedded start stays valid. */
export const DEMO_TOKEN_SECONDS = 30 * 24 * 3600;

/**
 * The embedded demo's token: an ADMIN of every county, signed with the embedded start's JWT secret, written to
 * DATA_DIR/demo-token (mode 0600) and printed for a person to copy (`print`, stderr by default: away from the JSON log).
 */
export async function issueDemoToken(
  jwtSecret: string,
  dataDir: string,
  print: (text: string) => void,
): Promise<{ token: string; file: string }> {
  const token = await signToken(jwtSecret, { sub: 'demo', role: Role.ADMIN, counties: ['*'] }, DEMO_TOKEN_SECONDS);
  const file = path.join(dataDir, 'demo-token');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  print(`\nDemo token (ADMIN of every county, valid 30 days; also in ${file}). Send it as:\n\n  Authorization: Bearer ${token}\n\n`);
  return { token, file };
}
