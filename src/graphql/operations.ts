import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The example operations of schema/operations/*.graphql: what the web and mobile teams start from (GraphQL Code
 * Generator reads the same files), the explorer's tabs and the bench's operations. One named operation per file, the
 * file named after it (CountyDashboard → county-dashboard.graphql), with example variables on the demo data beside it
 * (county-dashboard.variables.json); tests/operations.test.ts validates them and runs them on the demo data.
 */
export interface ExampleOperation {
  /** the operation's name, e.g. CountyDashboard */
  name: string;
  /** the file's name, e.g. county-dashboard.graphql */
  file: string;
  /** the whole file: its comment lines (what the operation is for) and the operation */
  document: string;
  /** example variables, on the demo data (the file NAME.variables.json beside it), or {} */
  variables: Record<string, unknown>;
}

/** schema/operations of this checkout, from src/graphql (ts-node) or dist/src/graphql (compiled) alike. */
export function operationsFolder(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schema', 'operations');
    if (statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no schema/operations folder above ${__dirname}`);
  }
}

/** The file name an operation's name asks for: CountyDashboard → county-dashboard.graphql. */
export function operationFileName(name: string): string {
  return `${name.replace(/(?<=[a-z0-9])([A-Z])/g, '-$1').toLowerCase()}.graphql`;
}

let loaded: ExampleOperation[] | undefined;

/** Every example operation, in the order of their files' names. */
export function exampleOperations(): ExampleOperation[] {
  loaded ??= (() => {
    const folder = operationsFolder();
    return readdirSync(folder)
      .filter((file) => file.endsWith('.graphql'))
      .sort()
      .map((file) => {
        const document = readFileSync(path.join(folder, file), 'utf8');
        const name = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/m.exec(document)?.[1];
        if (!name) throw new Error(`schema/operations/${file} holds no named operation`);
        const variablesFile = path.join(folder, file.replace(/\.graphql$/, '.variables.json'));
        const variables = existsSync(variablesFile) ? (JSON.parse(readFileSync(variablesFile, 'utf8')) as Record<string, unknown>) : {};
        return { name, file, document, variables };
      });
  })();
  return loaded;
}

/** The document of the example operation `name`. */
export function exampleOperation(name: string): string {
  const found = exampleOperations().find((operation) => operation.name === name);
  if (!found)
    throw new Error(
      `no example operation ${name} in schema/operations (there are ${exampleOperations()
        .map((o) => o.name)
        .join(', ')})`,
    );
  return found.document;
}
