import { validate, ValidationArguments, ValidationError, ValidationOptions, registerDecorator } from 'class-validator';
import { ResolverData } from 'type-graphql';
import { badUserInput } from './errors';

/**
 * type-graphql's argument validator: runs class-validator on an input object and refuses it with one
 * BAD_USER_INPUT error that names every failing field by its path, e.g. "input.memberships[1].validTo".
 */
export async function validateArgument(value: unknown, _type: unknown, data: ResolverData<object>): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const errors = await validate(value as object, { skipMissingProperties: true, forbidUnknownValues: false });
  if (errors.length === 0) return;
  const argName = Object.entries(data.args).find(([, arg]) => arg === value)?.[0] ?? 'input';
  const problems = errors.flatMap((error) => flatten(error, argName));
  const first = problems[0];
  const error = badUserInput(first.field, first.reason);
  if (problems.length > 1) {
    error.message = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
    error.extensions.problems = problems;
  }
  throw error;
}

function flatten(error: ValidationError, parent: string): { field: string; reason: string }[] {
  const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
  const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}

/** Declares a property check as a one-line rule: `rule(value, object)` returns the reason it fails, or null. */
export function Rule<V, O extends object = Record<string, unknown>>(
  rule: (value: V, object: O) => string | null,
  options?: ValidationOptions,
) {
  return (target: object, propertyName: string) => {
    registerDecorator({
      name: `rule_${propertyName}`,
      target: target.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => rule(value as V, args.object as O) === null,
        defaultMessage: (args?: ValidationArguments) => (args ? (rule(args.value as V, args.object as O) ?? '') : ''),
      },
    });
  };
}
