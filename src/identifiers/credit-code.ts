/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015).
 * 18 characters from a 31-character alphabet; the last one is a check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeResult = { ok: true; value: string } | { ok: false; reason: string };

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** A credit code as it is stored and compared: trimmed, upper case. */
export const normalizeCreditCode = (input: string): string => input.trim().toUpperCase();

/** Upper-cases and checks a credit code; refuses anything that is not exactly a valid code. */
export function parseCreditCode(input: string): CreditCodeResult {
  const value = normalizeCreditCode(input);
  if (value.length !== 18) return { ok: false, reason: `must be 18 characters, got ${value.length}` };
  const bad = [...value].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) return { ok: false, reason: `contains "${bad}", which is not in ${ALPHABET}` };
  const expected = creditCodeCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) {
    return { ok: false, reason: `bad check character "${value[17]}" (expected "${expected}")` };
  }
  return { ok: true, value };
}
