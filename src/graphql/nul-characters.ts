import { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, DocumentNode, Kind, ValueNode, visit } from 'graphql';
import { badUserInput, ERROR_STATUS } from './errors';

const NUL = '\u0000';
const REASON = 'must not contain the NUL character (U+0000)';

/** The path of the first string holding U+0000 in a variable's value, e.g. "$input.memberships[0].name", or null. */
function inValue(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = inValue(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = inValue(inner, `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Likewise in a literal argument of the document, e.g. "input.name" of `upsertCounty(input: { name: "…" })`. */
function inLiteral(node: ValueNode, path: string): string | null {
  if (node.kind === Kind.STRING) return node.value.includes(NUL) ? path : null;
  if (node.kind === Kind.LIST) {
    for (let i = 0; i < node.values.length; i++) {
      const found = inLiteral(node.values[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
  } else if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) {
      const found = inLiteral(field.value, `${path}.${field.name.value}`);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * The field (argument path or variable path) of the first string of a request holding U+0000, or null. `source`, the
 * document's text when known, spares walking a document that cannot hold one (GraphQL's source text cannot contain
 * U+0000 itself, only an escape: \u0000, \u{0}).
 */
export function nulCharacterIn(document: DocumentNode, variables: Record<string, unknown>, source?: string): string | null {
  for (const [name, value] of Object.entries(variables)) {
    const found = inValue(value, `$${name}`);
    if (found !== null) return found;
  }
  if (source !== undefined && !source.includes('\\u')) return null;
  let found: string | null = null;
  visit(document as ASTNode, {
    Argument(node) {
      found ??= inLiteral(node.value, node.name.value);
      return found === null ? undefined : false;
    },
  });
  return found;
}

/**
 * PostgreSQL's text holds no NUL character: a request with one in any string (a variable or a literal argument) is
 * refused before it runs, as BAD_USER_INPUT naming where it is (HTTP 400), instead of failing in the database.
 */
export const nulCharacterPlugin: ApolloServerPlugin<object> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const field = nulCharacterIn(document, request.variables ?? {}, request.query);
        if (field === null) return;
        const refusal = badUserInput(field, REASON);
        refusal.extensions.http = { status: ERROR_STATUS.BAD_USER_INPUT };
        throw refusal;
      },
    };
  },
};
