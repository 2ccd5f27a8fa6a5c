import { randomBytes } from 'node:crypto';
import { maskIdNumber, maskName, maskPayload, maskPhone, maskTail, maskText } from './masking.js';
import { PiiCipher } from './pii-cipher.js';

describe('PiiCipher', () => {
  const cipher = new PiiCipher(randomBytes(32).toString('base64'));

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('110101199003071233');
    const b = cipher.encrypt('110101199003071233');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1101011990');
    expect(cipher.decrypt(a)).toBe('110101199003071233');
  });

  it('refuses a tampered value', () => {
    const sealed = cipher.encrypt('13800138000');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => cipher.decrypt(tampered)).toThrow();
  });

  it('gives a stable blind index per key, different across keys', () => {
    const other = new PiiCipher(randomBytes(32).toString('base64'));
    expect(cipher.blindIndex('浙A778QZ')).toBe(cipher.blindIndex('浙A778QZ'));
    expect(cipher.blindIndex('浙A778QZ')).not.toBe(other.blindIndex('浙A778QZ'));
  });
});

describe('masking', () => {
  it('masks each kind of personal data', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('110101199003071233')).toBe('110***********1233');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskTail('LSVAU2180N2183294')).toBe('*************3294');
  });

  it('masks payloads by key and free text by pattern, and cuts blobs', () => {
    const masked = maskPayload({
      text_idcard: '110101199003071233',
      text_mobile: '13812345678',
      full_name: '李四',
      express_name: '韵达',
      note: '请联系 13812345678',
      image: 'x'.repeat(600),
      nested: [{ vin: 'LSVAU2180N2183294' }],
    });
    expect(masked).toEqual({
      text_idcard: '110***********1233',
      text_mobile: '138****5678',
      full_name: '李*',
      express_name: '韵达',
      note: '请联系 138****5678',
      image: '[600 characters omitted]',
      nested: [{ vin: '*************3294' }],
    });
    expect(maskText('身份证 11010519491231002X 已提交')).toBe('身份证 110***********002X 已提交');
  });
});
