import { parseApplicationNumber } from '../identifiers/application-number';
import { parseCreditCode } from '../identifiers/credit-code';
import { ArrayMaxSize, ValidationOptions } from 'class-validator';
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

/**
 * Characters a name or title may not hold: C0 and C1 controls (line breaks and tabs included: names and titles are one
 * line) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a name read
 * otherwise than it is stored ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A name or title: one line of printable text, not blank, at most `maxLength` characters. */
export const IsNonBlank = (maxLength = 500) =>
  Rule((text: string) => {
    if (text.trim() === '') return 'must not be blank';
    if (text.length > maxLength) return `must be at most ${maxLength} characters`;
    const bad = UNPRINTABLE.exec(text);
    return bad
      ? `must not contain control characters or bidirectional overrides, found ${codePoint(bad[0])} at position ${bad.index + 1}`
      : null;
  });

/** The longest list an input may give (memberships, owners, IPC codes, overseas grants, awards, pledged patents). */
export const MAX_LIST_LENGTH = 100;

export const IsShortList = () =>
  ArrayMaxSize(MAX_LIST_LENGTH, {
    message: (args) => `must have at most ${MAX_LIST_LENGTH} items, got ${(args.value as unknown[]).length}`,
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
