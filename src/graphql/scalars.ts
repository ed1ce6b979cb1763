import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from './dates';
import { badUserInput } from './errors';

function scalarError(message: string): GraphQLError {
  return badUserInput(null, message);
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw scalarError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: '日期: a calendar date, YYYY-MM-DD (China Standard Time when the server picks "today").',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    throw new TypeError(`Date cannot represent ${String(value)}`);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw scalarError('Date must be a string written YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

/** Amounts in yuan with at most two decimals (fen), as PostgreSQL numeric text. */
const DECIMAL = /^-?\d{1,16}(\.\d{1,2})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL.test(text.trim())) {
    throw scalarError(`Decimal must be an amount in yuan with at most two decimals, such as "12500000.00", got ${JSON.stringify(value)}`);
  }
  return text.trim();
}

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: '金额: an exact decimal amount in yuan (元), sent and returned as a string such as "12500000.00".',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    throw new TypeError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT) {
      throw scalarError('Decimal must be a string such as "12500000.00"');
    }
    return parseDecimal(ast.value);
  },
});
