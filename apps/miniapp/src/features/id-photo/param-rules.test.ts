import type { SpecDto } from './api/types';
import { checkAddress, checkParamValues, filledValues, formFields, idNumberProblem, isRequired } from './param-rules';

const idCard: Pick<SpecDto, 'params' | 'oneOf'> = {
  params: [
    { name: 'text_name', label: '姓名', kind: 'text', required: true },
    { name: 'text_idcard', label: '身份证号', kind: 'idcard', required: true },
    { name: 'text_mobile', label: '手机号', kind: 'phone', required: true },
    { name: 'text_city', label: '办理城市', kind: 'city', required: true },
  ],
  oneOf: [],
};

const guangdong: Pick<SpecDto, 'params' | 'oneOf'> = {
  params: [
    { name: 'text_mobile', label: '手机号', kind: 'phone', required: true },
    { name: 'text_name', label: '姓名', kind: 'text', required: false },
    { name: 'text_idcard', label: '身份证号', kind: 'idcard', required: false },
    { name: 'image_idcard', label: '身份证人像面照片', kind: 'image', required: false },
  ],
  oneOf: [['text_name', 'text_idcard'], ['image_idcard']],
};

// 11010519491231002X is the GB 11643 standard's own example.
const VALID_ID = '11010519491231002X';

describe('id-photo param rules', () => {
  it('checks ID numbers by length, birth date and GB 11643 check character', () => {
    expect(idNumberProblem(VALID_ID)).toBeNull();
    expect(idNumberProblem(VALID_ID.toLowerCase())).toBeNull();
    expect(idNumberProblem('110105194912310021')).toBe('身份证号校验位不正确，请检查是否输错');
    expect(idNumberProblem('11010519491331002X')).toBe('身份证号中的出生日期无效，请核对');
    expect(idNumberProblem('1101051949')).toBe('身份证号应为18位，最后一位可以是数字或X');
  });

  it('asks for every required field, in the words the server uses', () => {
    expect(checkParamValues(idCard, { text_name: '张三', text_mobile: '12345' })).toEqual({
      'param.text_idcard': '请填写身份证号',
      'param.text_mobile': '手机号应为11位手机号码，请检查',
      'param.text_city': '请填写办理城市',
    });
    expect(
      checkParamValues(idCard, {
        text_name: '张三',
        text_idcard: VALID_ID,
        text_mobile: '13800138000',
        text_city: '深圳',
      }),
    ).toEqual({});
  });

  it('on a resubmission, empty fields keep their value and are not problems', () => {
    expect(checkParamValues(idCard, { text_city: '广州' }, true)).toEqual({});
    expect(checkParamValues(idCard, { text_mobile: '123' }, true)).toEqual({
      'param.text_mobile': '手机号应为11位手机号码，请检查',
    });
  });

  it('offers the typed alternative of a spec that also takes an ID card image, and requires it', () => {
    expect(formFields(guangdong).map((field) => field.name)).toEqual(['text_mobile', 'text_name', 'text_idcard']);
    expect(guangdong.params.filter((field) => isRequired(guangdong, field)).map((field) => field.name)).toEqual([
      'text_mobile',
      'text_name',
      'text_idcard',
    ]);
  });

  it('checks a mailing address and sends only what was filled', () => {
    expect(
      checkAddress({ name: '李四', phone: '139', province: '广东', city: '深圳', district: '', address: 'x' }),
    ).toEqual({
      'print.phone': '手机号应为11位手机号码，请检查',
      'print.district': '请填写区县',
    });
    expect(filledValues({ a: ' 1 ', b: '', c: '  ' })).toEqual({ a: '1' });
  });
});
