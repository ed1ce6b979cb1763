import { parseApplicationNumber } from '../identifiers/application-number';
import { parseCreditCode } from '../identifiers/credit-code';
import { ValidationOptions } from 'class-validator';
import { Rule } from './validation';

/** Field rules shared by the inputs of several domains. */

export const IsCountyCode = () =>
  Rule((code: string) => (/^\d{6}$/.test(code) ? null : `must be a six-digit administrative division code, got "${code}"`));

export const IsCreditCode = (options?: ValidationOptions) =>
  Rule((code: string) => {
    const parsed = parseCreditCode(code);
    return parsed.ok ? null : `is not a valid 统一社会信用代码 (credit code): ${parsed.reason}`;
  }, options);

export const IsApplicationNumber = (options?: ValidationOptions) =>
  Rule((number: string) => {
    const parsed = parseApplicationNumber(number);
    return parsed.ok ? null : `is not a valid 申请号 (application number): ${parsed.reason}`;
  }, options);

export const IsPositiveAmount = () => Rule((amount: string) => (Number(amount) > 0 ? null : `must be positive, got ${amount}`));

export const IsNonBlank = (maxLength = 500) =>
  Rule((text: string) => {
    if (text.trim() === '') return 'must not be blank';
    return text.length > maxLength ? `must be at most ${maxLength} characters` : null;
  });

export const IsYear = () =>
  Rule((year: number) =>
    Number.isInteger(year) && year >= 1949 && year <= 2200 ? null : `must be a year between 1949 and 2200, got ${year}`,
  );

/** A date that may not come before another date field of the same input (when both are given). */
export const IsNotBefore = (otherField: string, what: string) =>
  Rule((date: string, input: Record<string, unknown>) => {
    const other = input[otherField];
    return typeof other === 'string' && date < other ? `${what} (${date} is before ${otherField} ${other})` : null;
  });
