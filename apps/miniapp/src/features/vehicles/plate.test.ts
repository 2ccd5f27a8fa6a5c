import { cityForPlate, fieldPlaceholder } from './city';
import { keysFor, plateProblem } from './plate';
import type { CityRule } from './api/types';
import { selectionTotals } from './fees';

const rule = (cityPrefix: string, vinLength: number, engineNoLength: number): CityRule => ({
  province: '',
  provincePrefix: cityPrefix[0],
  city: cityPrefix,
  cityPrefix,
  vinLength,
  engineNoLength,
  vinHint: '',
  engineNoHint: '',
  carTypes: ['02'],
  needsPhone: false,
});

describe('plate helpers', () => {
  it('asks for a province, then a letter, then the serial', () => {
    expect(keysFor(0, false)).toBe('province');
    expect(keysFor(1, false)).toBe('letter');
    expect(keysFor(2, false)).toBe('serial');
    expect(keysFor(6, false)).toBe('last');
    expect(keysFor(6, true)).toBe('serial');
    expect(keysFor(7, true)).toBe('last');
  });

  it('says what is wrong with a complete plate only', () => {
    expect(plateProblem('浙A666', false)).toBeNull();
    expect(plateProblem('浙A66688', false)).toBeNull();
    expect(plateProblem('冀A1234挂', false)).toBeNull();
    expect(plateProblem('粤BD12345', true)).toBeNull();
    expect(plateProblem('粤BX12345', true)).toContain('D 或 F');
  });

  it('finds the city by the longest prefix', () => {
    const cities = [rule('京', 0, -1), rule('浙A', 6, 6), rule('浙B', 6, 0)];
    expect(cityForPlate(cities, '京AF12345')?.cityPrefix).toBe('京');
    expect(cityForPlate(cities, '浙B12345')?.cityPrefix).toBe('浙B');
    expect(cityForPlate(cities, '皖N55677')).toBeUndefined();
    expect(fieldPlaceholder('车架号', 6)).toBe('请输入车架号后6位（或完整车架号）');
    expect(fieldPlaceholder('车架号', -1)).toBe('请输入完整的 17 位车架号');
  });

  it('adds the point-deduction fee only when a chosen violation carries points', () => {
    const v = (code: string, points: number, fineFen: number, serviceFeeFen: number, markFeeFen: number) => ({
      code,
      time: '',
      address: '',
      reason: '',
      city: null,
      fineFen,
      points,
      serviceFeeFen,
      markFeeFen,
      canSelect: true,
      selectNote: null,
      processStatus: 1,
      processStatusLabel: '未处理',
      paymentStatus: 1,
      needTravelLicense: points > 0,
    });
    const items = [v('a', 0, 5000, 2000, 0), v('b', 3, 20000, 3500, 15000)];
    expect(selectionTotals(items, new Set(['a']))).toMatchObject({ count: 1, totalFen: 7000, markFeeFen: 0 });
    expect(selectionTotals(items, new Set(['a', 'b']))).toMatchObject({
      count: 2,
      fineFen: 25000,
      serviceFeeFen: 5500,
      markFeeFen: 15000,
      totalFen: 45500,
      points: 3,
    });
  });
});
