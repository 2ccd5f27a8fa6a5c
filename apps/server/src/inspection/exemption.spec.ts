import { anniversary, checkExemption, isCalendarDate, STATION_NOT_SUPPORTED } from './exemption.js';

const NOW = new Date('2025-06-01T04:00:00Z'); // 12:00 in China
const eligibleCar = { carSeats: 5, operationType: 0 as const, isAccidentCar: 0 as const, registerDate: '2021-04-15' };

describe('checkExemption', () => {
  it('passes a five-seat private car registered four years ago, and says until when', () => {
    const result = checkExemption(eligibleCar, NOW);
    expect(result.eligible).toBe(true);
    expect(result.checks.every((check) => check.passed)).toBe(true);
    expect(result.exemptUntil).toBe('2027-04-14');
    expect(result.summary).toContain('符合免检条件');
  });

  it('explains every failing rule, and that station inspection cannot be booked here', () => {
    const result = checkExemption({ carSeats: 7, operationType: 1, isAccidentCar: 1, registerDate: '2018-03-01' }, NOW);
    expect(result.eligible).toBe(false);
    expect(result.checks.filter((check) => !check.passed).map((check) => check.rule)).toEqual([
      'seats',
      'operation',
      'accident',
      'age',
    ]);
    expect(result.summary).toContain('您的车辆为 7 座');
    expect(result.summary).toContain('营运车辆');
    expect(result.summary).toContain('伤亡事故');
    expect(result.summary).toContain('已满6年');
    expect(result.summary).toContain(STATION_NOT_SUPPORTED);
    expect(result.exemptUntil).toBeNull();
  });

  it('the sixth anniversary itself no longer qualifies (China time)', () => {
    const car = { ...eligibleCar, registerDate: '2019-06-01' };
    expect(checkExemption(car, new Date('2025-05-31T15:59:59Z')).eligible).toBe(true);
    expect(checkExemption(car, new Date('2025-05-31T16:00:00Z')).eligible).toBe(false);
  });

  it('six seats fail the seat rule alone', () => {
    const result = checkExemption({ ...eligibleCar, carSeats: 6 }, NOW);
    expect(result.checks.find((check) => !check.passed)?.rule).toBe('seats');
    expect(result.checks.filter((check) => !check.passed)).toHaveLength(1);
  });

  it('29 February rolls to 1 March, as the vendor counts', () => {
    expect(anniversary('2020-02-29', 6).toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2021-04-15', true],
    ['2021-02-30', false],
    ['2021-4-15', false],
    ['20210415', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
