/**
 * 专利申请号 (patent application number).
 * Since 2003-10-01: YYYY T NNNNNNN + check character (12 digits); before: YY T NNNNN + check (8 digits).
 * Stored as "202210123456.1": no CN/ZL prefix, one dot before the check character.
 */
import { PatentType } from '../patent/patent-type';

export type ApplicationNumberResult = { ok: true; value: string; typeDigit: string } | { ok: false; reason: string };

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

export function applicationNumberCheckCharacter(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * WEIGHTS[i];
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

export function parseApplicationNumber(input: string): ApplicationNumberResult {
  const compact = input
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^(CN|ZL)/, '');
  const match = /^(\d{12}|\d{8})\.?([0-9X])$/.exec(compact);
  if (!match) {
    return { ok: false, reason: 'must be 12 digits (8 before 2003-10-01) and a check character, e.g. 202210123456.1' };
  }
  const [, digits, check] = match;
  const expected = applicationNumberCheckCharacter(digits);
  if (check !== expected) return { ok: false, reason: `bad check character "${check}" (expected "${expected}")` };
  return { ok: true, value: `${digits}.${check}`, typeDigit: digits[digits.length === 12 ? 4 : 2] };
}

const TYPE_DIGITS: Record<PatentType, string[]> = {
  [PatentType.INVENTION]: ['1', '8'],
  [PatentType.UTILITY_MODEL]: ['2', '9'],
  [PatentType.DESIGN]: ['3'],
};

/** The reason the number's type digit disagrees with the patent type, or null when it agrees. */
export function typeDigitMismatch(typeDigit: string, type: PatentType): string | null {
  if (TYPE_DIGITS[type].includes(typeDigit)) return null;
  return `type digit ${typeDigit} does not denote ${type} (expected ${TYPE_DIGITS[type].join(' or ')})`;
}
