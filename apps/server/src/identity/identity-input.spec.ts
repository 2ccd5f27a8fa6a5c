import { makeIdNumber } from '@banshi/vendor-clients';
import { checkIdentityNumber, checkName, isConsentGiven, normaliseName } from './identity-input.js';

describe('identity input', () => {
  it('accepts Han names of 2 to 30 characters, and minority names with their separator', () => {
    expect(checkName('张三')).toEqual({ valid: true, name: '张三' });
    expect(checkName(' 欧阳 锋 ')).toEqual({ valid: true, name: '欧阳锋' });
    expect(checkName('买买提•艾力')).toEqual({ valid: true, name: '买买提·艾力' });
    expect(checkName('阿卜杜拉．买买提')).toEqual({ valid: true, name: '阿卜杜拉·买买提' });
    expect(normaliseName('古丽・努尔')).toBe('古丽·努尔');
  });

  it('refuses names the identity card cannot hold, each with its own message', () => {
    expect(checkName('')).toMatchObject({ valid: false, message: '请填写身份证上的姓名' });
    expect(checkName('张')).toMatchObject({ valid: false, message: expect.stringContaining('2至30个字') });
    expect(checkName('张'.repeat(31))).toMatchObject({ valid: false, message: expect.stringContaining('2至30个字') });
    expect(checkName('Zhang San')).toMatchObject({ valid: false, message: expect.stringContaining('只能包含汉字') });
    expect(checkName('张3')).toMatchObject({ valid: false, message: expect.stringContaining('只能包含汉字') });
    expect(checkName('·张三')).toMatchObject({ valid: false, message: expect.stringContaining('“·”') });
    expect(checkName('张··三')).toMatchObject({ valid: false, message: expect.stringContaining('“·”') });
  });

  it('checks the ID number by GB 11643 and says which part is wrong', () => {
    const good = makeIdNumber('110101', '19900307', 123);
    expect(checkIdentityNumber(` ${good.toLowerCase()} `)).toEqual({ valid: true, idNumber: good });
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdentityNumber(wrongCheck)).toMatchObject({ valid: false, message: expect.stringContaining('校验位') });
    expect(checkIdentityNumber('1101011990030712')).toMatchObject({
      valid: false,
      message: expect.stringContaining('18位'),
    });
    expect(checkIdentityNumber(makeIdNumber('990101', '19900307', 123))).toMatchObject({
      valid: false,
      message: expect.stringContaining('地区代码'),
    });
    expect(checkIdentityNumber(makeIdNumber('110101', '19900230', 123))).toMatchObject({
      valid: false,
      message: expect.stringContaining('出生日期'),
    });
    expect(checkIdentityNumber('')).toMatchObject({ valid: false, message: '请填写18位身份证号' });
  });

  it('takes consent only as an explicit yes', () => {
    expect([true, 'true', '1'].map(isConsentGiven)).toEqual([true, true, true]);
    expect([false, 'false', '0', '', undefined, 'yes'].map(isConsentGiven)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
