import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const CHECKOUT = path.resolve(__dirname, '..', '..');

/**
 * The API contract's schema, /shared/contract/schema.graphql of the team's folder: CONTRACT_DIR when set, else
 * ../shared/contract beside this checkout (as the team's worktrees and CI lay it out), else beside a checkout this one
 * was cloned from, following local clones of clones (a `git clone` into `mktemp -d`, and CI's clone of that clone).
 */
export function contractSchemaPath(): string {
  const candidates: string[] = [];
  if (process.env.CONTRACT_DIR) candidates.push(path.resolve(process.env.CONTRACT_DIR));
  for (let checkout: string | null = CHECKOUT, hops = 0; checkout && hops < 5; checkout = clonedFrom(checkout), hops++) {
    candidates.push(path.join(checkout, '..', 'shared', 'contract'));
  }
  const found = candidates.map((dir) => path.join(dir, 'schema.graphql')).find((file) => existsSync(file));
  if (!found) {
    throw new Error(`the API contract is not in ${candidates.join(' nor ')}: set CONTRACT_DIR to the folder of its schema.graphql`);
  }
  return found;
}

/** The folder of a checkout's `origin` remote when it is a local path. */
function clonedFrom(checkout: string): string | null {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: checkout, encoding: 'utf8' }).trim();
    const local = url.startsWith('file://') ? url.slice('file://'.length) : url;
    return path.isAbsolute(local) && existsSync(local) ? local : null;
  } catch {
    return null;
  }
}
