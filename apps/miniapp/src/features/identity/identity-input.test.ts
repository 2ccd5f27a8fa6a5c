import { checkDigitFor, checkIdNumber, checkName, liveIdNumberMessage } from './identity-input';

const make = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth}${seq}`;
  return first17 + checkDigitFor(first17);
};

describe('identity input (mini-program copy of the server rules)', () => {
  const zhangSan = make('110101', '19900307', '123');

  it('accepts a valid number, lower-case x and spaces included', () => {
    expect(checkIdNumber(zhangSan)).toEqual({ valid: true, value: zhangSan });
    const seq = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0')).find((s) =>
      make('110101', '19900307', s).endsWith('X'),
    ) as string;
    const withX = make('110101', '19900307', seq);
    expect(checkIdNumber(withX.toLowerCase())).toEqual({ valid: true, value: withX });
    expect(checkIdNumber(` ${zhangSan.slice(0, 6)} ${zhangSan.slice(6)} `.toLowerCase()).valid).toBe(true);
  });

  it('gives the same message as the server for each problem', () => {
    const wrong = zhangSan.slice(0, 17) + (zhangSan[17] === '0' ? '1' : '0');
    expect(checkIdNumber(wrong)).toEqual({ valid: false, message: '身份证号校验位不正确，请检查是否输错' });
    expect(checkIdNumber(make('990101', '19900307', '123'))).toMatchObject({
      message: expect.stringContaining('地区代码'),
    });
    expect(checkIdNumber(make('110101', '19900230', '123'))).toMatchObject({
      message: expect.stringContaining('出生日期'),
    });
    expect(checkIdNumber(make('110101', '20990101', '123'), new Date('2025-01-01'))).toMatchObject({
      message: expect.stringContaining('出生日期'),
    });
    expect(checkIdNumber('12345')).toMatchObject({ message: '身份证号应为18位，最后一位可以是数字或X' });
  });

  it('live: quiet while a number is being typed, speaks as soon as it cannot be right', () => {
    expect(liveIdNumberMessage('')).toBeNull();
    expect(liveIdNumberMessage(zhangSan.slice(0, 10))).toBeNull();
    expect(liveIdNumberMessage('1101a')).toContain('只能是数字');
    expect(liveIdNumberMessage('11010X1')).toContain('只能是数字');
    expect(liveIdNumberMessage(zhangSan + '1')).toContain('多输了');
    expect(liveIdNumberMessage(zhangSan.slice(0, 17) + (zhangSan[17] === '0' ? '1' : '0'))).toContain('校验位');
    expect(liveIdNumberMessage(zhangSan)).toBeNull();
  });

  it('names: Han characters and the minority-name separator only', () => {
    expect(checkName('张三')).toEqual({ valid: true, value: '张三' });
    expect(checkName('买买提•艾力')).toEqual({ valid: true, value: '买买提·艾力' });
    expect(checkName('张')).toMatchObject({ valid: false });
    expect(checkName('Tom')).toMatchObject({ message: expect.stringContaining('只能包含汉字') });
    expect(checkName('张··三')).toMatchObject({ message: expect.stringContaining('“·”') });
  });
});
