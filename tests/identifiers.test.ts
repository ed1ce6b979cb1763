import { applicationNumberCheckCharacter, parseApplicationNumber, typeDigitMismatch } from '../src/identifiers/application-number';
import { creditCodeCheckCharacter, parseCreditCode } from '../src/identifiers/credit-code';
import { PatentType } from '../src/patent/patent-type';

describe('统一社会信用代码 (credit code)', () => {
  it('accepts the contract example, computing check character A from sum 1261', () => {
    expect(creditCodeCheckCharacter('91350200776049653')).toBe('A');
    expect(parseCreditCode('91350200776049653A')).toEqual({ ok: true, value: '91350200776049653A' });
  });

  it('upper-cases lower case', () => {
    expect(parseCreditCode('91350200776049653a')).toEqual({ ok: true, value: '91350200776049653A' });
  });

  it.each([
    ['a wrong check character', '91350200776049653B', /check character "B" \(expected "A"\)/],
    ['17 characters', '91350200776049653', /18 characters/],
    ['a letter outside the alphabet (I)', '9135020077604965IA', /"I"/],
    ['a letter outside the alphabet (O)', 'O1350200776049653A', /"O"/],
    ['a corrupted digit', '91350200776049654A', /check character/],
  ])('refuses %s', (_, code, reason) => {
    const result = parseCreditCode(code);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('maps a remainder of 0 to check character 0 (31 stands for 0)', () => {
    // find a prefix whose weighted sum is a multiple of 31 by varying the last digit
    const prefix = '9150023100000000';
    const last = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const check = [...last].map((c) => creditCodeCheckCharacter(prefix + c));
    expect(check).toContain('0');
    expect(check.every((c) => last.includes(c))).toBe(true);
  });
});

describe('申请号 (application number)', () => {
  it.each([
    ['201811564288.X', '201811564288.X', '1'],
    ['201510958772.0', '201510958772.0', '1'],
    ['CN201811564288.X', '201811564288.X', '1'],
    ['ZL 2015 1095 8772.0', '201510958772.0', '1'],
    ['2015109587720', '201510958772.0', '1'],
    ['cn201811564288.x', '201811564288.X', '1'],
  ])('accepts %s as %s', (input, normalized, typeDigit) => {
    expect(parseApplicationNumber(input)).toEqual({ ok: true, value: normalized, typeDigit });
  });

  it('computes X for a check value of 10', () => {
    expect(applicationNumberCheckCharacter('201811564288')).toBe('X');
  });

  it('accepts the eight-digit form used before 2003-10-01, with weights 2…9', () => {
    const digits = '98123456';
    const check = applicationNumberCheckCharacter(digits);
    const expected = [...digits].reduce((sum, d, i) => sum + Number(d) * (i + 2), 0) % 11;
    expect(check).toBe(expected === 10 ? 'X' : String(expected));
    expect(parseApplicationNumber(`${digits}.${check}`)).toEqual({ ok: true, value: `${digits}.${check}`, typeDigit: '1' });
  });

  it.each([
    ['a bad check character', '201811564288.1', /check character "1" \(expected "X"\)/],
    ['a corrupted digit', '201811564289.X', /check character/],
    ['too few digits', '20181156428.X', /12 digits/],
    ['letters', '2018ABC64288.X', /12 digits/],
  ])('refuses %s', (_, input, reason) => {
    const result = parseApplicationNumber(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('checks the type digit against the type (8 and 9 are PCT entries)', () => {
    expect(typeDigitMismatch('1', PatentType.INVENTION)).toBeNull();
    expect(typeDigitMismatch('8', PatentType.INVENTION)).toBeNull();
    expect(typeDigitMismatch('9', PatentType.UTILITY_MODEL)).toBeNull();
    expect(typeDigitMismatch('3', PatentType.DESIGN)).toBeNull();
    expect(typeDigitMismatch('2', PatentType.INVENTION)).toMatch(/type digit 2 does not denote INVENTION/);
    expect(typeDigitMismatch('1', PatentType.DESIGN)).toMatch(/DESIGN/);
  });
});
