/**
 * 《年检 / 合作流程》: 免检 (inspection by post, no station visit) is for cars of 5 seats or fewer,
 * not operated commercially, without an accident with casualties, first registered less than 6
 * years ago (the 6th anniversary itself no longer qualifies). Every other car must be inspected at
 * a station; the document names booking that (预约到站上线检测) but describes no endpoint for it, so
 * the product says so rather than pretending.
 */
export const EXEMPTION_MAX_SEATS = 5;
export const EXEMPTION_YEARS = 6;

export const STATION_NOT_SUPPORTED = '暂不支持预约上线检测，请前往当地检测站';

export interface ExemptionFacts {
  carSeats: number;
  /** 1: operated commercially (营运). */
  operationType: 0 | 1;
  /** 1: had an accident with casualties. */
  isAccidentCar: 0 | 1;
  /** `YYYY-MM-DD` */
  registerDate: string;
}

export type ExemptionRule = 'seats' | 'operation' | 'accident' | 'age';

export interface ExemptionCheck {
  rule: ExemptionRule;
  /** The rule, as the user reads it. */
  label: string;
  passed: boolean;
  /** What we know about this car for that rule, e.g. 您的车辆为 7 座. */
  detail: string;
}

export interface ExemptionResult {
  eligible: boolean;
  checks: ExemptionCheck[];
  /** One sentence: what this means for the user and what to do next. */
  summary: string;
  /** The last day the car still qualifies by age (China time), when it does. */
  exemptUntil: string | null;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The date `YYYY-MM-DD` plus `years`, as midnight China time (the day the car turns that old). */
export function anniversary(registerDate: string, years: number): Date {
  const date = new Date(`${registerDate}T00:00:00+08:00`);
  // Same arithmetic as the vendor's rule: 29 Feb + 6 years rolls to 1 Mar.
  date.setFullYear(date.getFullYear() + years);
  return date;
}

function chinaDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar date that exists, written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function checkExemption(car: ExemptionFacts, now: Date = new Date()): ExemptionResult {
  const sixYears = anniversary(car.registerDate, EXEMPTION_YEARS);
  const young = sixYears.getTime() > now.getTime();
  const checks: ExemptionCheck[] = [
    {
      rule: 'seats',
      label: `${EXEMPTION_MAX_SEATS}座及以下`,
      passed: car.carSeats <= EXEMPTION_MAX_SEATS,
      detail: `您的车辆为 ${car.carSeats} 座`,
    },
    {
      rule: 'operation',
      label: '非营运车辆',
      passed: car.operationType === 0,
      detail: car.operationType === 0 ? '非营运车辆' : '您的车辆为营运车辆',
    },
    {
      rule: 'accident',
      label: '未发生过伤亡事故',
      passed: car.isAccidentCar === 0,
      detail: car.isAccidentCar === 0 ? '未发生过伤亡事故' : '您的车辆发生过伤亡事故',
    },
    {
      rule: 'age',
      label: `注册未满${EXEMPTION_YEARS}年`,
      passed: young,
      detail: young
        ? `${car.registerDate} 注册，${chinaDay(sixYears.getTime())} 满${EXEMPTION_YEARS}年`
        : `${car.registerDate} 注册，已满${EXEMPTION_YEARS}年`,
    },
  ];
  const failed = checks.filter((check) => !check.passed);
  const eligible = failed.length === 0;
  return {
    eligible,
    checks,
    summary: eligible
      ? '符合免检条件：无需到检测站，寄送材料即可办理年检'
      : `不符合免检条件（${failed.map((check) => check.detail).join('；')}），需到检测站上线检测。${STATION_NOT_SUPPORTED}`,
    exemptUntil: eligible ? chinaDay(sixYears.getTime() - DAY_MS) : null,
  };
}
