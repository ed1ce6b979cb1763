import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { loadConfig } from '../src/config';
import { graphqlSchema } from '../src/graphql/schema';
import { columnTablesMarkdown } from '../src/import/columns';
import { seedDemo } from '../src/seed/seed';
import { abridges, blocks, commands, CI, NOT_RUN, PAGES, read, ROOT } from './support/docs';
import { createTestApi, TestApi } from './support/test-api';

/**
 * The README and docs/ say what the code does: the README fits on a page and its links lead somewhere; the
 * configuration table is the variables src/config.ts reads; the import columns are the code's; every GraphQL example
 * is valid and answers, on the demo data, what the page shows; every script a page names is run somewhere. (That every
 * shell command of the pages runs is tests/docs-commands.test.ts, `npm run test:docs`.)
 */

jest.setTimeout(120_000);

describe('the pages', () => {
  it('the README fits on a page, and every link of the pages leads to a file and a heading that exist', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(160);
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
    const headings = (page: string) => [...read(page).matchAll(/^#+\s+(.*)$/gm)].map((match) => slug(match[1]));
    const broken: string[] = [];
    for (const page of PAGES) {
      const text = read(page).replace(/^( *)```[\s\S]*?^\1```/gm, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const [file, anchor] = target.split('#');
        const resolved = file ? path.normalize(path.join(path.dirname(page), file)) : page;
        if (!existsSync(path.join(ROOT, resolved))) broken.push(`${page}: ${target}`);
        else if (anchor && resolved.endsWith('.md') && !headings(resolved).includes(anchor)) broken.push(`${page}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('docs/operations.md has one configuration table, of every variable src/config.ts reads', () => {
    const variables = new Set<string>();
    loadConfig(
      new Proxy({} as NodeJS.ProcessEnv, {
        get: (_, name) => {
          if (typeof name === 'string') variables.add(name);
          return undefined;
        },
      }),
    );
    // and those read only on some paths (NODE_ENV, with GRAPHQL_STACK_TRACES=true): every name the file reads
    for (const match of read('src/config.ts').matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\(\s*'([A-Z][A-Z0-9_]+)'/g))
      variables.add(match[1] ?? match[2]);
    const operations = read('docs/operations.md');
    expect(operations.match(/^\| variable \|/gm)).toHaveLength(1);
    const rows = [...operations.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1]);
    expect([...rows].sort()).toEqual([...variables].sort());
    const elsewhere = PAGES.filter((page) => page !== 'docs/operations.md' && /^\| variable \|/m.test(read(page)));
    expect(elsewhere).toEqual([]);
  });

  it('docs/import.md prints the columns each kind reads as the code reads them', () => {
    expect(read('docs/import.md')).toContain(columnTablesMarkdown());
  });

  it('every script a page names is one of package.json, and is run here, by .ci/run, or said why not', () => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const shell = PAGES.flatMap(blocks)
      .filter((block) => block.lang === 'sh')
      .flatMap(commands);
    const named = new Set<string>();
    for (const page of PAGES) {
      for (const [, name] of read(page).matchAll(/`npm run (?:-s )?([\w:-]+)/g)) named.add(name);
    }
    for (const name of named) {
      expect({ name, script: scripts.includes(name) }).toEqual({ name, script: true });
      const run =
        shell.some((command) => new RegExp(`^npm run (-s )?${name}( |$)`).test(command)) ||
        new RegExp(`npm run ${name}\\b`).test(CI) ||
        (name === 'build' && /npm start/.test(CI)) ||
        name in NOT_RUN;
      expect({ name, run }).toEqual({ name, run: true });
    }
    expect(Object.keys(NOT_RUN).filter((name) => !named.has(name))).toEqual([]);
  });
});

/** Pages whose examples are mutations and reads of what they wrote, each after the one before: their own tests run them. */
const ORDERED_EXAMPLES = ['docs/plan-tasks-and-reports.md']; // tests/plan-tasks-docs.test.ts

describe('the examples, on the demo data', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    expect(await seedDemo(api.dataSource)).toBe(true);
  });
  afterAll(() => api?.close());

  it('every GraphQL example is valid, and one shown with its answer answers that', async () => {
    const schema = await graphqlSchema();
    const examples = PAGES.flatMap(blocks).filter((block) => block.lang === 'graphql');
    expect(examples.length).toBeGreaterThan(5);
    const stale: unknown[] = [];
    let answered = 0;
    for (const example of examples) {
      const errors = validate(schema, parse(example.text)).map((error) => error.message);
      expect({ page: example.page, example: example.text.slice(0, 60), errors }).toMatchObject({ errors: [] });
      const answer = /^\s*answers[^\n]*:\s*```json\n([\s\S]*?)```/.exec(example.after)?.[1];
      // a page whose examples change the data runs them in order in a test of its own
      if (!answer || ORDERED_EXAMPLES.includes(example.page)) continue;
      answered++;
      const result = await api.execute(example.text);
      const shown = JSON.parse(answer) as unknown;
      if (!abridges(shown, { data: result.data }) || result.errors)
        stale.push({ page: example.page, example: example.text.slice(0, 80), shown, answers: result });
    }
    // every stale answer at once, each with its page
    expect(stale).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(3); // the README's first query and docs/api.md's at least
  });
});
