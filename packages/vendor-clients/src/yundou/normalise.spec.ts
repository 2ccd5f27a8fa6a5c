import { decodeFormBody } from './form-body.js';
import { FieldReader, normaliseDate, taxRatePercent } from './normalise.js';

describe('normaliseDate', () => {
  it.each([
    ['2020-01-02', '2020-01-02'],
    ['20200102', '2020-01-02'],
    ['2020年1月2日', '2020-01-02'],
    ['2020年01月02日', '2020-01-02'],
    ['2020/1/2', '2020-01-02'],
    ['2020.12.31', '2020-12-31'],
    ['2020-1-2 08:15:00', '2020-01-02'],
    [20200102, '2020-01-02'],
  ])('%p → %p', (input, expected) => expect(normaliseDate(input)).toBe(expected));

  it.each(['2020-02-30', '20201301', '2020年13月1日', '1/2/2020', '', 'yesterday', null])('refuses %p', (input) =>
    expect(normaliseDate(input)).toBeUndefined(),
  );
});

describe('taxRatePercent', () => {
  it.each([
    ['13%', 13],
    ['6%', 6],
    ['0.13', 13],
    ['0.06', 6],
    ['9', 9],
    ['1.5%', 1.5],
  ])('%s → %d', (input, expected) => expect(taxRatePercent(input)).toBe(expected));

  it('has no number for 免税 or 不征税', () => {
    expect(taxRatePercent('免税')).toBeUndefined();
    expect(taxRatePercent('不征税')).toBeUndefined();
  });
});

describe('FieldReader', () => {
  it('finds fields whatever their case and notes values it cannot use', () => {
    const reader = new FieldReader({ Invoice_code: '144031900111', AMOUNT: '十二元五角', sign_date: '2020-02-31' });
    expect(reader.text('invoice_code')).toBe('144031900111');
    expect(reader.fen('amount')).toBeUndefined();
    expect(reader.date('sign_date')).toBeUndefined();
    expect(reader.warnings).toEqual(['amount: "十二元五角" is not an amount', 'sign_date: "2020-02-31" is not a date']);
  });
});

describe('decodeFormBody', () => {
  it('reads PHP bracket keys as nesting', () => {
    const body = decodeFormBody(
      'code=0&x-oid=A1&data%5BAmount%5D=10.00&data%5BItem%5D%5B0%5D%5Bname%5D=%E7%AC%94&data%5BItem%5D%5B1%5D%5Bname%5D=%E7%BA%B8',
    );
    expect(body).toEqual({
      code: '0',
      'x-oid': 'A1',
      data: { Amount: '10.00', Item: { '0': { name: '笔' }, '1': { name: '纸' } } },
    });
  });
});
