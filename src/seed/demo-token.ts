import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '../auth/principal';
import { signToken } from '../auth/tokens';

/**
 * The embedded demo's token: an ADMIN of every county, signed with the embedded start's JWT secret, valid as long as
 * JWT_MAX_TTL allows (`seconds`, 24 h by default) and issued anew at every start, written to DATA_DIR/demo-token
 * (mode 0600) and printed for a person to copy (`print`, stderr by default: away from the JSON log).
 */
export async function issueDemoToken(
  jwtSecret: string,
  dataDir: string,
  seconds: number,
  print: (text: string) => void,
): Promise<{ token: string; file: string }> {
  const token = await signToken(jwtSecret, { sub: 'demo', role: Role.ADMIN, counties: ['*'] }, seconds);
  const file = path.join(dataDir, 'demo-token');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  const lifetime = seconds % 3600 === 0 ? `${seconds / 3600} hours` : `${seconds} s`;
  print(
    `\nDemo token (ADMIN of every county, valid ${lifetime}: JWT_MAX_TTL; a new one at every start; also in ${file}). Send it as:\n\n  Authorization: Bearer ${token}\n\n`,
  );
  return { token, file };
}
