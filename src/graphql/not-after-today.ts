import { IsoDate, yearOf } from './dates';

/**
 * Days that cannot lie ahead (a grant, a lapse, a registration, an award year): refused when after the request's day.
 * class-validator has no per-call context, so these are collected apart: `IsNotAfterToday` marks the property and
 * `futureProblems` checks an input (nested inputs and lists included) against a given day — ctx.today for the API
 * (src/graphql/validation.ts), the import's day for the import (src/import/report.ts).
 */
const NOT_AFTER_TODAY = new WeakMap<object, Map<string, 'date' | 'year'>>();

export const IsNotAfterToday =
  (unit: 'date' | 'year' = 'date') =>
  (target: object, property: string): void => {
    const marked = NOT_AFTER_TODAY.get(target) ?? new Map();
    marked.set(property, unit);
    NOT_AFTER_TODAY.set(target, marked);
  };

function markedProperties(input: object): Map<string, 'date' | 'year'> | undefined {
  return NOT_AFTER_TODAY.get(Object.getPrototypeOf(input));
}

/** Every marked property of `input` (and of the inputs nested in it) after `today`, with its path ("overseasGrants[0].grantDate"). */
export function futureProblems(input: unknown, today: IsoDate, path = ''): { path: string; reason: string }[] {
  if (Array.isArray(input)) return input.flatMap((item, i) => futureProblems(item, today, `${path}[${i}]`));
  if (input === null || typeof input !== 'object' || input instanceof Date) return [];
  const marked = markedProperties(input);
  return Object.entries(input).flatMap(([property, value]) => {
    const at = path ? `${path}.${property}` : property;
    const unit = marked?.get(property);
    if (unit === 'date' && typeof value === 'string' && value > today) {
      return [{ path: at, reason: `must not be after today (${today}), got ${value}` }];
    }
    if (unit === 'year' && typeof value === 'number' && value > yearOf(today)) {
      return [{ path: at, reason: `must not be after the current year ${yearOf(today)}, got ${value}` }];
    }
    return typeof value === 'object' ? futureProblems(value, today, at) : [];
  });
}
