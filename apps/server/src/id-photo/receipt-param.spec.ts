import { makeIdNumber } from '@banshi/vendor-clients';
import { findZjzSpec, type ZjzReceiptSpec } from '@banshi/vendor-clients/zjz';
import { checkAddress, checkParam, maskAddress, maskParam, normaliseAddress, normaliseParam } from './receipt-param.js';

const idCard = findZjzSpec(21) as ZjzReceiptSpec;
const guangdong = findZjzSpec(24) as ZjzReceiptSpec;
const ID = makeIdNumber('440305', '19900101', 123);

describe('receipt param', () => {
  it('keeps only the spec fields, trimmed, with the ID number upper-cased', () => {
    const lower = ID.slice(0, 17) + ID[17].toLowerCase();
    expect(
      normaliseParam(idCard.params, {
        text_name: ' 张三 ',
        text_idcard: lower,
        extra: 'x',
        text_mobile: '138 0013 8000',
      }),
    ).toEqual({
      text_name: '张三',
      text_idcard: ID.toUpperCase(),
      text_mobile: '13800138000',
    });
  });

  it('answers a Chinese message per field saying what to fix', () => {
    const problems = checkParam(idCard, {
      text_name: '张三',
      text_idcard: '440305199001011230',
      text_mobile: '1380013',
    });
    expect(problems['param.text_idcard']).toMatch(/身份证号/);
    expect(problems['param.text_idcard']).not.toMatch(/text_idcard/);
    expect(problems['param.text_mobile']).toBe('手机号应为11位手机号码，请检查');
    expect(problems['param.text_city']).toBe('请填写办理城市');
    expect(problems['param.text_name']).toBeUndefined();
  });

  it('a wrong GB 11643 check digit is refused', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    const problems = checkParam(idCard, {
      text_name: '张三',
      text_idcard: wrong,
      text_mobile: '13800138000',
      text_city: '深圳',
    });
    expect(problems).toEqual({ 'param.text_idcard': '身份证号校验位不正确，请检查是否输错' });
  });

  it('a complete param passes', () => {
    expect(
      checkParam(idCard, { text_name: '张三', text_idcard: ID, text_mobile: '13800138000', text_city: '深圳' }),
    ).toEqual({});
  });

  it('a spec with alternatives asks for one complete set, in words', () => {
    const problems = checkParam(guangdong, { text_mobile: '13800138000', text_city: '深圳', text_name: '张三' });
    expect(problems).toEqual({ 'param.text_name': '请填写姓名和身份证号，或上传身份证人像面照片' });
    expect(
      checkParam(guangdong, { text_mobile: '13800138000', text_city: '深圳', text_name: '张三', text_idcard: ID }),
    ).toEqual({});
  });

  it('checks every field of a mailing address', () => {
    const address = normaliseAddress({
      name: '李四',
      phone: '123',
      province: '广东',
      city: '深圳',
      address: '科技园1号',
    });
    expect(checkAddress({ ...address })).toEqual({
      'print.phone': '收件人手机号应为11位手机号码，请检查',
      'print.district': '请填写区县',
    });
  });

  it('masks names, ID numbers, phones and the street address', () => {
    const masked = maskParam(idCard, {
      text_name: '张三丰',
      text_idcard: ID,
      text_mobile: '13800138000',
      text_city: '深圳',
    });
    expect(masked).toEqual([
      { name: 'text_name', label: '姓名', value: '张*丰' },
      { name: 'text_idcard', label: '身份证号', value: `440${'*'.repeat(11)}${ID.slice(-4)}` },
      { name: 'text_mobile', label: '手机号', value: '138****8000' },
      { name: 'text_city', label: '办理城市', value: '深圳' },
    ]);
    const address = maskAddress({
      name: '李四',
      phone: '13900139000',
      province: '广东',
      city: '深圳',
      district: '南山区',
      address: '科技园1号',
    });
    expect(address).toEqual({ name: '李*', phone: '139****9000', region: '广东 深圳 南山区', address: '科技****' });
  });
});
