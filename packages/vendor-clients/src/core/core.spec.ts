import { checkIdNumber, makeIdNumber } from './id-number.js';
import { fenToYuan, yuanToFen } from './money.js';
import { constantTimeEqual } from './hashing.js';

describe('money', () => {
  it.each([
    ['200.00', 20000],
    ['23', 2300],
    [520.0, 52000],
    [1.5, 150],
    ['¥1,234.56', 123456],
    ['0.015', 2],
    ['-3.10', -310],
  ])('yuanToFen(%p) = %p', (input, fen) => expect(yuanToFen(input)).toBe(fen));

  it('yuanToFen: refuses what is not an amount', () => {
    expect(yuanToFen('abc')).toBeUndefined();
    expect(yuanToFen('')).toBeUndefined();
    expect(yuanToFen(null)).toBeUndefined();
  });

  it('fenToYuan: two decimals', () => {
    expect(fenToYuan(52000)).toBe('520.00');
    expect(fenToYuan(5)).toBe('0.05');
  });
});

describe('id number (GB 11643)', () => {
  it('accepts the vendor document sample with its check digit', () => {
    const id = makeIdNumber('110101', '19900307', 123);
    expect(checkIdNumber(id)).toMatchObject({ valid: true, birthDate: '1990-03-07', gender: 'male' });
  });

  it('accepts a lowercase x as check character', () => {
    // 11010519491231002X is the standard's own example.
    expect(checkIdNumber('11010519491231002x').valid).toBe(true);
  });

  it.each([
    ['1101011990030712', 'format'],
    ['990101199003071234', 'region'],
    ['110101199002301234', 'birth_date'],
    ['110105194912310021', 'checksum'],
  ])('refuses %s (%s)', (id, problem) => {
    expect(checkIdNumber(id)).toMatchObject({ valid: false, problem });
  });
});

describe('constantTimeEqual', () => {
  it('compares exactly', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
