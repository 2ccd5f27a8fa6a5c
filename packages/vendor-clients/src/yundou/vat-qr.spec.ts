import { VatQrParseError } from './errors.js';
import { looksLikeVatQr, parseVatQr, vatDedupeKey, vatTypeCodeOfInvoiceCode } from './vat-qr.js';

describe('parseVatQr', () => {
  it('reads an electronic ordinary invoice (10) with its 20-digit check code', () => {
    expect(parseVatQr('01,10,044031900111,12345678,100.00,20200102,12345678901234567890,3F2A')).toEqual({
      version: '01',
      typeCode: '10',
      typeLabel: '增值税电子普通发票',
      fullyDigital: false,
      invoiceCode: '044031900111',
      invoiceNumber: '12345678',
      amountFen: 10_000,
      issueDate: '2020-01-02',
      checkCode: '12345678901234567890',
      checkCodeLast6: '567890',
      crc: '3F2A',
      dedupeKey: '04403190011112345678',
    });
  });

  it('reads a special invoice (01) with a 10-digit code and an empty check code', () => {
    const invoice = parseVatQr('01,01,4403231130,02178456,3000.00,20240305,,A1B2');
    expect(invoice).toMatchObject({
      typeCode: '01',
      typeLabel: '增值税专用发票',
      invoiceCode: '4403231130',
      invoiceNumber: '02178456',
      amountFen: 300_000,
      issueDate: '2024-03-05',
      dedupeKey: '440323113002178456',
    });
    expect(invoice.checkCode).toBeUndefined();
    expect(invoice.checkCodeLast6).toBeUndefined();
  });

  it('reads a 数电 invoice: empty code, 20-digit number, number as dedupe key', () => {
    const invoice = parseVatQr('01,32,,24442000000123456789,283.02,20240412,,8F1A');
    expect(invoice).toMatchObject({
      typeCode: '32',
      typeLabel: '数电发票（普通发票）',
      fullyDigital: true,
      invoiceNumber: '24442000000123456789',
      amountFen: 28_302,
      issueDate: '2024-04-12',
      dedupeKey: '24442000000123456789',
    });
    expect(invoice.invoiceCode).toBeUndefined();
  });

  it('reads a 数电专票 (31) whose check code and crc are missing at the end', () => {
    expect(parseVatQr('01,31,,23312000000001234567,1500,20231206')).toMatchObject({
      typeLabel: '数电发票（增值税专用发票）',
      amountFen: 150_000,
      issueDate: '2023-12-06',
      crc: undefined,
    });
  });

  it.each([
    ['04', '增值税普通发票', '01,04,044001800104,00918273,58.25,20210615,03917522840562778413,'],
    ['11', '增值税普通发票（卷票）', '01,11,044032000411,01827364,12.00,20210301,10293847561029384756,AB12'],
    ['14', '增值税电子普通发票（通行费）', '01,14,011001900111,55667788,30.58,20220110,99887766554433221100,CC01'],
    ['20', '区块链电子发票', '01,20,144032009110,00012345,88.00,20210808,,'],
  ])('labels type %s as %s', (typeCode, label, text) => {
    expect(parseVatQr(text)).toMatchObject({ typeCode, typeLabel: label });
  });

  it('keeps a red-letter (negative) amount and tolerates spaces and a trailing newline', () => {
    expect(parseVatQr(' 01,04,044001800104,00918273,-58.25,20210615,03917522840562778413,FF00\n').amountFen).toBe(
      -5825,
    );
  });

  it.each([
    ['https://example.com/invoice?id=1', '不是发票二维码'],
    ['02,10,044031900111,12345678,100.00,20200102,,', '不是发票二维码'],
    ['01,10,044031900111,12345678', '内容不完整'],
    ['01,1X,044031900111,12345678,100.00,20200102,,', '票种代码“1X”无效'],
    ['01,32,,2444200000012345678,283.02,20240412,,', '数电发票号码应为20位数字'],
    ['01,32,044031900111,24442000000123456789,283.02,20240412,,', '数电发票没有发票代码'],
    ['01,10,04403190011,12345678,100.00,20200102,,', '发票代码应为10位或12位数字'],
    ['01,10,044031900111,1234567,100.00,20200102,,', '发票号码应为8位数字'],
    ['01,10,044031900111,12345678,1O0.00,20200102,,', '金额“1O0.00”无效'],
    ['01,10,044031900111,12345678,100.005,20200102,,', '金额“100.005”无效'],
    ['01,10,044031900111,12345678,100.00,20200230,,', '开票日期“20200230”无效'],
    ['01,10,044031900111,12345678,100.00,2020-01-02,,', '开票日期“2020-01-02”无效'],
    ['', '二维码内容为空'],
  ])('refuses %j with a message naming the fault', (text, message) => {
    let error: unknown;
    try {
      parseVatQr(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VatQrParseError);
    expect((error as Error).message).toContain(message);
  });

  it('looksLikeVatQr tells invoice QR texts from others', () => {
    expect(looksLikeVatQr('01,32,,24442000000123456789,283.02,20240412,,')).toBe(true);
    expect(looksLikeVatQr('{"bill":1}')).toBe(false);
  });

  it('vatDedupeKey: code + number, or the number alone', () => {
    expect(vatDedupeKey('4403231130', '02178456')).toBe('440323113002178456');
    expect(vatDedupeKey(undefined, '24442000000123456789')).toBe('24442000000123456789');
  });
});

describe('vatTypeCodeOfInvoiceCode', () => {
  it('reads the kind from digits 11–12 of a 12-digit code and digit 8 of a 10-digit one', () => {
    expect(vatTypeCodeOfInvoiceCode('044032300111')).toBe('10');
    expect(vatTypeCodeOfInvoiceCode('044031900104')).toBe('04');
    expect(vatTypeCodeOfInvoiceCode('044031900106')).toBe('11');
    expect(vatTypeCodeOfInvoiceCode('011001900112')).toBe('14');
    expect(vatTypeCodeOfInvoiceCode('4400164130')).toBe('01');
    expect(vatTypeCodeOfInvoiceCode('3100153320')).toBe('04');
  });

  it('says nothing of a code that does not tell (数电 has none; 1xxxxxxxxxxx is not a VAT code)', () => {
    expect(vatTypeCodeOfInvoiceCode(undefined)).toBeUndefined();
    expect(vatTypeCodeOfInvoiceCode('')).toBeUndefined();
    expect(vatTypeCodeOfInvoiceCode('144031909110')).toBeUndefined();
  });
});
