import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The README and docs/ as tests read them: their fenced blocks, their shell commands, and what .ci/run runs. */

export const ROOT = path.resolve(__dirname, '..', '..');
export const PAGES = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
export const read = (page: string) => readFileSync(path.join(ROOT, page), 'utf8');
export const CI = read('.ci/run');

export interface Block {
  page: string;
  lang: string;
  text: string;
  /** the text after the block, through the next block (where a page shows an example's answer) */
  after: string;
}

export function blocks(page: string): Block[] {
  const text = read(page);
  const found = [...text.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```/gm)];
  return found.map((match, i) => ({
    page,
    lang: match[2],
    text: match[3].replace(new RegExp(`^${match[1]}`, 'gm'), ''),
    after: text.slice(match.index! + match[0].length, found[i + 1] ? found[i + 1].index! + found[i + 1][0].length : text.length),
  }));
}

/** The commands of a shell block: its lines, continuations joined. */
export function commands(block: Block): string[] {
  return block.text
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** A command as .ci/run would hold it: without its trailing comment. */
export const bare = (command: string) => command.replace(/\s+#\s.*$/, '');

/** The README's first query: .ci/run runs that block against `npm start` and compares its answer. */
export function firstQueryBlock(): string {
  const readme = read('README.md');
  return readme.slice(readme.indexOf('<!-- first-query'), readme.indexOf('<!-- /first-query -->'));
}

/** Scripts of package.json a page names but no test runs, and why. */
export const NOT_RUN: Record<string, string> = {
  bench: 'minutes long (a county-scale dataset): run by hand for docs/performance.md',
  'bench:import': 'a 100,000-row import: run by hand for docs/performance.md',
  soak: '60 s at saturation after the build: run by hand for docs/performance.md',
  'seed:demo': 'builds first; what it runs, seedDemo, is tested in tests/demo-data.test.ts and seeds every demo start',
  'schema:database:emit': 'rewrites schema/database.sql; the same test, comparing instead, runs in npm test',
  'test:sql:update': 'rewrites the pinned SQL of tests/sql/; the same tests, comparing instead, run in npm test',
};

/** Commands that .ci/run runs, in the form it runs them (the README's are what a newcomer types). */
export const IN_CI: Record<string, RegExp[]> = {
  'npm install && npm start': [/^npm install$/m, /^[^#\n]*\bnpm start\b/m],
  'npm test': [/^npm test$/m],
  'npm run test:browser': [/^npm run test:browser$/m],
};

/** Whether `expected` is what `actual` holds: every key of an object, every element of a list in order. */
export function abridges(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    let at = 0;
    for (const item of expected) {
      while (at < actual.length && !abridges(item, actual[at])) at++;
      if (at === actual.length) return false;
      at++;
    }
    return true;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([key, value]) => abridges(value, (actual as Record<string, unknown>)[key]));
  }
  return Object.is(expected, actual);
}
