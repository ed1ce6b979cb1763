import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Set (to anything) to write the snapshot files instead of comparing: `npm run test:sql:update`, `npm run schema:database:emit`. */
export const UPDATING = Boolean(process.env.UPDATE_SNAPSHOTS);

const root = path.join(__dirname, '..', '..');

/**
 * Compares `actual` with the committed file at `file` (relative to the repository), to the character; with
 * UPDATE_SNAPSHOTS set, writes it instead. Reviewers read the files; a change of the text is a change of the file.
 */
export function expectFile(file: string, actual: string, update: string): void {
  const full = path.join(root, file);
  if (UPDATING) {
    writeFileSync(full, actual);
    return;
  }
  if (!existsSync(full)) throw new Error(`${file} does not exist yet: run \`${update}\` and commit it`);
  const committed = readFileSync(full, 'utf8');
  if (committed === actual) return;
  try {
    // the difference, line by line
    expect(actual.split('\n')).toEqual(committed.split('\n'));
  } catch (error) {
    (error as Error).message =
      `${file} is not what the code gives now; when the change is intended, run \`${update}\` and commit it\n\n${(error as Error).message}`;
    throw error;
  }
}
