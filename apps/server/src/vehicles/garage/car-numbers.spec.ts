import { AppError } from '../../common/errors/app-error.js';
import { checkCarType, fitCarNumbers, fitEngineNo, fitVin, type NumberRules } from './car-numbers.js';

const HANGZHOU: NumberRules = { city: '杭州市', vinLength: 6, engineNoLength: 6, carTypes: ['01', '02', '51', '52'] };
const BEIJING: NumberRules = { city: '北京市', vinLength: 0, engineNoLength: -1, carTypes: ['01', '02'] };
const SHENZHEN: NumberRules = { city: '深圳市', vinLength: -1, engineNoLength: 6, carTypes: ['01', '02'] };

describe('car numbers by city rule', () => {
  it('keeps only the last N characters when a city asks for N, from a whole VIN or the part', () => {
    expect(fitVin('lsvan4187c2001234', 6)).toEqual({ value: '001234' });
    expect(fitVin('001234', 6)).toEqual({ value: '001234' });
    expect(fitEngineNo(' 0018835448dt ', 6)).toEqual({ value: '5448DT' });
  });

  it('stores nothing a city does not ask for', () => {
    expect(fitVin('LSVAN4187C2001234', 0)).toEqual({});
    expect(fitCarNumbers({ vin: 'LSVAN4187C2001234', engineNo: 'A1B2C3D4' }, BEIJING)).toEqual({
      vin: null,
      engineNo: 'A1B2C3D4',
    });
  });

  it('refuses a short part with how many characters were needed', () => {
    expect(fitVin('1234', 6).error).toBe('该城市需要车架号后6位，您填写了 4 位');
    expect(fitVin('LSVAN4187C200', -1).error).toContain('完整车架号（17 位）');
    expect(fitVin('LSVAN4187C200123O', -1).error).toContain('不含字母 I、O、Q');
    expect(fitVin('12345678', 6).error).toBe('请填写车架号后6位，或完整的 17 位车架号');
  });

  it('answers every field problem at once', () => {
    const error = (() => {
      try {
        fitCarNumbers({ vin: '12', engineNo: '' }, SHENZHEN);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error?.getResponse()).toMatchObject({
      code: 'CAR_NUMBERS_INVALID',
      fields: { vin: expect.stringContaining('17 位'), engineNo: '请填写发动机号后6位' },
    });
  });

  it('matches the car type to the plate and the city', () => {
    expect(() => checkCarType('02', 'ordinary', HANGZHOU)).not.toThrow();
    expect(() => checkCarType('52', 'ordinary', HANGZHOU)).toThrow('小型汽车或大型汽车');
    expect(() => checkCarType('52', 'new_energy', BEIJING)).toThrow('北京市暂不支持查询小型新能源汽车的违章');
    expect(() => checkCarType('02', 'trailer', HANGZHOU)).toThrow('挂车');
  });
});
