import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const CHECKOUT = path.resolve(__dirname, '..', '..');

/**
 * The API contract's schema, /shared/contract/schema.graphql of the team's folder: CONTRACT_DIR when set, else
 * ../shared/contract beside this checkout (as the team's worktrees and CI lay it out), else beside the checkout this
 * one was cloned from (a local `git clone` elsewhere, e.g. into `mktemp -d`).
 */
export function contractSchemaPath(): string {
  const candidates: string[] = [];
  if (process.env.CONTRACT_DIR) candidates.push(path.resolve(process.env.CONTRACT_DIR));
  candidates.push(path.join(CHECKOUT, '..', 'shared', 'contract'));
  const origin = clonedFrom();
  if (origin) candidates.push(path.join(origin, '..', 'shared', 'contract'));
  const found = candidates.map((dir) => path.join(dir, 'schema.graphql')).find((file) => existsSync(file));
  if (!found) {
    throw new Error(`the API contract is not in ${candidates.join(' nor ')}: set CONTRACT_DIR to the folder of its schema.graphql`);
  }
  return found;
}

/** The folder of the `origin` remote when it is a local path. */
function clonedFrom(): string | null {
  try {
    const url = execFileSync('git', ['config', '--get', 'remote.origin.url'], { cwd: CHECKOUT, encoding: 'utf8' }).trim();
    const local = url.startsWith('file://') ? url.slice('file://'.length) : url;
    return path.isAbsolute(local) && existsSync(local) ? local : null;
  } catch {
    return null;
  }
}
