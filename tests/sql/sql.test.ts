import { compile, sql } from '../../src/db/sql';

describe('SQL as a value (src/db/sql.ts)', () => {
  it('makes every interpolated value a parameter, numbered in order', () => {
    const code = "500231'; DROP TABLE patent; --";
    expect(compile(sql`SELECT * FROM county WHERE code = ${code} AND year = ${2024}`)).toEqual({
      text: 'SELECT * FROM county WHERE code = $1 AND year = $2',
      values: [code, 2024],
    });
  });

  it('composes fragments: each keeps its parameters, renumbered in the whole statement', () => {
    const asOf = sql`${'2024-12-31'}::date`;
    const valid = (m: ReturnType<typeof sql>) => sql`(${m}.valid_from <= ${asOf} AND (${m}.valid_to IS NULL OR ${asOf} <= ${m}.valid_to))`;
    const statement = sql`SELECT 1 FROM enterprise_membership m WHERE m.category = ${'HIGH_TECH'} AND ${valid(sql`m`)}`;
    // a fragment used twice is one parameter; the same value interpolated twice would be two
    expect(compile(statement)).toEqual({
      text: 'SELECT 1 FROM enterprise_membership m WHERE m.category = $1 AND (m.valid_from <= $2::date AND (m.valid_to IS NULL OR $2::date <= m.valid_to))',
      values: ['HIGH_TECH', '2024-12-31'],
    });
    expect(compile(sql`${1} ${1}`)).toEqual({ text: '$1 $2', values: [1, 1] });
  });

  it('joins, quotes identifiers, writes constants and nothing', () => {
    const parts = [sql`a = ${1}`, sql`b = ${2}`, sql.empty];
    expect(compile(sql.join(parts.slice(0, 2), ' OR '))).toEqual({ text: 'a = $1 OR b = $2', values: [1, 2] });
    expect(compile(sql.join([sql`x`, sql`y`]))).toEqual({ text: 'x, y', values: [] });
    expect(compile(sql.join([]))).toEqual({ text: '', values: [] });
    expect(compile(sql`SELECT ${sql.identifier('m', 'credit"Code')}`).text).toBe('SELECT "m"."credit""Code"');
    expect(compile(sql`${sql.literal("it's")}, ${sql.literal(10_000)}, ${sql.literal(true)}, ${sql.literal(null)}`).text).toBe(
      "'it''s', 10000, true, NULL",
    );
    expect(compile(sql`x${sql.empty}y ${sql.raw('DESC')}`).text).toBe('xy DESC');
    expect(() => sql.literal(Number.NaN)).toThrow(/finite/);
    expect(() => sql.identifier()).toThrow(/name/);
  });
});
