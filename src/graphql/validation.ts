import { getMetadataStorage, validate, ValidationArguments, ValidationError, ValidationOptions, registerDecorator } from 'class-validator';
import { ResolverData } from 'type-graphql';
import { Context } from './context';
import { badUserInput } from './errors';
import { futureProblems } from './not-after-today';

/**
 * type-graphql's argument validator: runs class-validator on an input object and refuses it with one
 * BAD_USER_INPUT error that names every failing field by its path, e.g. "input.memberships[1].validTo"; days that may
 * not lie ahead are checked against the request's day (ctx.today; not-after-today.ts).
 */
export async function validateArgument(value: unknown, _type: unknown, data: ResolverData<object>): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const errors = needsValidator(value) ? await validate(value as object, { skipMissingProperties: true, forbidUnknownValues: false }) : [];
  const argName = Object.entries(data.args).find(([, arg]) => arg === value)?.[0] ?? 'input';
  const problems = [
    ...errors.flatMap((error) => flatten(error, argName)),
    ...futureProblems(value, (data.context as Context).today).map((p) => ({
      field: p.path.startsWith('[') ? `${argName}${p.path}` : `${argName}.${p.path}`,
      reason: p.reason,
    })),
  ];
  if (problems.length === 0) return;
  const first = problems[0];
  const error = badUserInput(first.field, first.reason);
  if (problems.length > 1) {
    error.message = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
    error.extensions.problems = problems;
  }
  throw error;
}

const RULED = new WeakMap<object, boolean>();

/**
 * Whether class-validator has anything to check on an argument: a rule on its class, or an object inside it (a nested
 * input, a list). Page arguments on every connection of a nested read have neither, and validate() costs as much for
 * nothing as for something.
 */
function needsValidator(value: object): boolean {
  if (Object.values(value).some((inner) => inner !== null && typeof inner === 'object')) return true;
  const type = value.constructor;
  let ruled = RULED.get(type);
  if (ruled === undefined) {
    ruled = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
    RULED.set(type, ruled);
  }
  return ruled;
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
