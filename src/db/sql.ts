/**
 * SQL as a value. A `sql` template is a `Sql`, not a string: every value interpolated into it that is not itself
 * `Sql` becomes a parameter, so a query is composed of fragments without counting placeholders, and no value can
 * reach the text of a statement. `compile` numbers the placeholders once, for the whole statement.
 *
 *   const asOf = sql`${day}::date`;
 *   compile(sql`SELECT count(*) FROM patent p WHERE p.county_code = ${code} AND ${highValueSql(sql`p`, asOf)}`)
 *   // { text: 'SELECT count(*) FROM patent p WHERE p.county_code = $1 AND (… $2::date …)', values: [code, day] }
 *
 * A parameter keeps its number wherever its fragment is used again (`asOf` above: `$2` each time); the same value
 * interpolated twice is two parameters.
 *
 * Our own module rather than a library: Graphile's pg-sql2 (5) refuses a plain interpolated value unless it is
 * wrapped in `sql.value` or the template runs inside `sql.withTransformer`, and sql-template-tag (5) is ESM-only,
 * which this CommonJS build cannot require.
 */

/** A piece of a statement: text of the code, or a parameter (kept by identity, so a fragment used twice is one number). */
type Node = string | Parameter;

class Parameter {
  constructor(readonly value: unknown) {}
}

/** A fragment of SQL text with its parameters; made only by `sql` and its helpers. */
export class Sql {
  /** @internal */
  constructor(readonly nodes: readonly Node[]) {}
}

/**
 * A string known when the code is written (a literal, or a union of literals such as an enum), not any string: the
 * parameter type of `sql.raw`, `sql.literal` and `sql.join`'s separator, so that a value read at run time cannot reach
 * the text of a statement through them.
 */
type Constant<T extends string> = string extends T ? never : T;

function append(nodes: Node[], node: Node): void {
  if (typeof node === 'string' && typeof nodes[nodes.length - 1] === 'string') nodes[nodes.length - 1] += node;
  else if (node !== '') nodes.push(node);
}

function template(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const nodes: Node[] = [];
  strings.forEach((text, i) => {
    append(nodes, text);
    if (i === values.length) return;
    const value = values[i];
    if (value instanceof Sql) for (const node of value.nodes) append(nodes, node);
    else nodes.push(new Parameter(value));
  });
  return new Sql(nodes);
}

/** The fragments one after another with `separator` (constant text) between them; `sql.empty` for none. */
function join<S extends string = ', '>(parts: readonly Sql[], separator?: Constant<S>): Sql {
  const nodes: Node[] = [];
  parts.forEach((part, i) => {
    if (i > 0) append(nodes, separator ?? ', ');
    for (const node of part.nodes) append(nodes, node);
  });
  return new Sql(nodes);
}

/** A quoted identifier, or a qualified one: `sql.identifier('m', 'creditCode')` is `"m"."creditCode"`. */
function identifier(...names: string[]): Sql {
  if (names.length === 0) throw new Error('sql.identifier needs a name');
  return new Sql([names.map((name) => `"${name.replace(/"/g, '""')}"`).join('.')]);
}

/** Constant SQL text of the code (a keyword, an operator, a type name), never a value read at run time. */
function raw<T extends string>(text: Constant<T>): Sql {
  return new Sql([text]);
}

/**
 * A constant of the code written into the text, e.g. an enum member (`'HIGH_TECH'`) or a divisor (`10000`), where a
 * parameter would hide what the statement means. Values from callers are parameters, not literals.
 */
function literal<T extends string>(value: Constant<T> | number | boolean | null): Sql {
  if (value === null) return new Sql(['NULL']);
  if (typeof value === 'boolean') return new Sql([value ? 'true' : 'false']);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`sql.literal needs a finite number, got ${value}`);
    return new Sql([String(value)]);
  }
  return new Sql([`'${(value as string).replace(/'/g, "''")}'`]);
}

/**
 * A batch's keys as an array the planner does not see into (an InitPlan), for a prepared statement of keys
 * (reusePlan): planned generically it then costs what its custom plans cost, so PostgreSQL keeps one plan from the
 * sixth run. With the array visible, a batch of one key always looked cheaper planned afresh (a generic plan assumes
 * ten), and every call paid the planning: 0.3–2 ms a statement under Row Level Security.
 */
function keys(values: readonly (number | string)[], type: 'int' | 'text'): Sql {
  const array = raw(type === 'int' ? 'int[]' : 'text[]');
  // cast again outside: `= ANY ((SELECT …))` alone would read as ANY over a sub-query's rows
  return template`(SELECT ${values}::${array})::${array}`;
}

export const sql = Object.assign(template, {
  join,
  keys,
  identifier,
  raw,
  literal,
  /** no text at all */
  empty: new Sql([]),
});

export interface CompiledSql {
  text: string;
  values: unknown[];
}

/** The text of a statement with its placeholders numbered `$1`, `$2`, … in order, and their values. */
export function compile(query: Sql): CompiledSql {
  const numbers = new Map<Parameter, number>();
  const values: unknown[] = [];
  let text = '';
  for (const node of query.nodes) {
    if (typeof node === 'string') {
      text += node;
      continue;
    }
    let number = numbers.get(node);
    if (number === undefined) {
      number = values.push(node.value);
      numbers.set(node, number);
    }
    text += `$${number}`;
  }
  return { text, values };
}
