import { Caller, GraphQLResult } from './test-api';

type GraphQLError = NonNullable<GraphQLResult['errors']>[number];

/**
 * The one error of a refused operation, which must be BAD_USER_INPUT with a message that names `field` (and matches
 * `reason` when given); returns it for further checks.
 */
export async function expectRefused(
  caller: Pick<Caller, 'execute'>,
  query: string,
  variables: Record<string, unknown>,
  field: string,
  reason?: RegExp,
): Promise<GraphQLError> {
  const result = await caller.execute(query, variables);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.message).toContain(field);
  if (reason) expect(error.message).toMatch(reason);
  return error;
}
