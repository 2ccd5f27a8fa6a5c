import type { ViolationStanding } from '../common/garage/garage-reader.js';

/** A car whose violations were last queried longer ago than this is told to query again. */
export const VIOLATIONS_STALE_MS = 24 * 3_600_000;

export type ViolationCheckState = 'clear' | 'untreated' | 'unknown' | 'stale';

export interface ViolationCheck {
  state: ViolationCheckState;
  /** The order is refused: a car with untreated violations does not pass (《机动车登记规定》). */
  blocking: boolean;
  untreated: number;
  totalFineFen: number;
  totalPoints: number;
  queriedAt: string | null;
  /** What the user is told, in their words; empty when the car is clear and the query recent. */
  message: string;
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * Whether a car can be taken for annual inspection as far as its violations go. A car with an
 * untreated violation is not inspected (检验机构不予检验), so the order is refused with the reason
 * and what to do; a car never queried, or queried long ago, is only warned about.
 */
export function checkViolations(standing: ViolationStanding, now = new Date()): ViolationCheck {
  const facts = { ...standing };
  if (standing.queriedAt === null) {
    return {
      ...facts,
      state: 'unknown',
      blocking: false,
      message: '还没有查询过这辆车的违章。有未处理违章的车辆不能通过年检，建议先查询违章',
    };
  }
  if (standing.untreated > 0) {
    const points = standing.totalPoints > 0 ? `，记 ${standing.totalPoints} 分` : '';
    const driver = standing.totalPoints > 0 ? '；记分的违章可能需要驾驶人本人处理' : '';
    return {
      ...facts,
      state: 'untreated',
      blocking: true,
      message:
        `这辆车有 ${standing.untreated} 条未处理的违章（罚款 ${yuan(standing.totalFineFen)}${points}），` +
        `违章处理完毕前不能办理年检，请先处理违章${driver}`,
    };
  }
  if (now.getTime() - Date.parse(standing.queriedAt) > VIOLATIONS_STALE_MS) {
    return {
      ...facts,
      state: 'stale',
      blocking: false,
      message: '违章记录不是最新的。有未处理违章的车辆不能通过年检，建议重新查询违章后再下单',
    };
  }
  return { ...facts, state: 'clear', blocking: false, message: '' };
}
