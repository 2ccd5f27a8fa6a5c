import { AppError } from '../../common/errors/app-error.js';
import type { QuoteDto } from '../dto/violation.dto.js';
import type { VehicleCar } from '../entities/car.entity.js';
import type { StoredViolation } from '../entities/stored-violation.entity.js';
import type { OrderedViolation } from '../entities/violation-order.entity.js';
import { isPayable } from '../garage/car-view.js';
import type { PaymentLine } from '../../payments/entities/payment.entity.js';
import { selectNote } from '../violations/violation-view.js';

/** What the user pays for a violation order (priced in `violation-pricing.ts`; here so the quote can show it). */
export interface ViolationCharge {
  /** The merchant's fee per violation (`violation_service`; 0 = no fee line). */
  perViolationFen: number;
  amountFen: number;
  lines: PaymentLine[];
}

export interface Quote extends Omit<QuoteDto, 'phoneNeeded' | 'servicePriceFen' | 'payFen' | 'payLines'> {
  chosen: StoredViolation[];
}

export const PAYMENT_NOTES = {
  credit: '由平台代缴账户直接付款，下单后无需另行支付；办理完成后会通知您',
  online: '下单后需打开服务商支付页面完成付款，付款后开始办理',
  prepaid: '提交后通过微信支付付款，付款后平台为您向服务商下单代缴；未能办理的违章，相应款项原路退回',
} as const;

/**
 * The price of the chosen violations as the vendor computes it (《创建代缴订单》: fines plus service
 * fees; a self-deduct order adds the point-deduction fee). Every code must be one of the car's
 * stored violations that can be ordered now.
 */
export function quoteOf(
  car: VehicleCar,
  stored: StoredViolation[],
  codes: string[],
  paymentMode: 'credit' | 'online',
): Quote {
  const unique = [...new Set(codes.map((code) => code.trim()))];
  const chosen = unique.map((code) => {
    const violation = stored.find((v) => v.code === code);
    if (!violation) {
      throw AppError.conflict('VIOLATIONS_CHANGED', '违章信息已变化，请刷新违章列表后重新选择');
    }
    if (!isPayable(violation)) {
      const note = selectNote(violation, car.violationsDeductSelf) ?? '暂不能办理';
      throw AppError.conflict('VIOLATION_NOT_PAYABLE', `${violation.occurredAt.slice(0, 10)} 的违章${note}`);
    }
    return violation;
  });
  const deductSelf = chosen.some((v) => v.points > 0);
  const lines = chosen.map((v) => {
    const serviceFeeFen = v.serviceFeeFen ?? 0;
    const markFeeFen = deductSelf ? (v.markFeeFen ?? 0) : 0;
    return {
      code: v.code,
      time: v.occurredAt,
      reason: v.reason,
      points: v.points,
      fineFen: v.fineFen,
      serviceFeeFen,
      markFeeFen,
      totalFen: v.fineFen + serviceFeeFen + markFeeFen,
    };
  });
  const sum = (pick: (line: (typeof lines)[number]) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    carId: car.id,
    lines,
    fineFen: sum((l) => l.fineFen),
    serviceFeeFen: sum((l) => l.serviceFeeFen),
    markFeeFen: sum((l) => l.markFeeFen),
    totalFen: sum((l) => l.totalFen),
    deductSelf,
    paymentMode,
    paymentNote: PAYMENT_NOTES[paymentMode],
    chosen,
  };
}

export function orderedViolations(quote: Quote): OrderedViolation[] {
  return quote.chosen.map((v, index) => ({
    code: v.code,
    occurredAt: v.occurredAt,
    reason: v.reason,
    address: v.address,
    city: v.violationCity ?? v.city,
    fineFen: v.fineFen,
    points: v.points,
    serviceFeeFen: quote.lines[index].serviceFeeFen,
    markFeeFen: quote.lines[index].markFeeFen,
    processStatus: null,
  }));
}

/** `charge`: what the user pays here first (null: no payment step here). */
export function toQuoteDto(quote: Quote, phoneNeeded: boolean, charge: ViolationCharge | null): QuoteDto {
  return {
    phoneNeeded,
    carId: quote.carId,
    lines: quote.lines,
    fineFen: quote.fineFen,
    serviceFeeFen: quote.serviceFeeFen,
    markFeeFen: quote.markFeeFen,
    totalFen: quote.totalFen,
    deductSelf: quote.deductSelf,
    paymentMode: quote.paymentMode,
    paymentNote: charge ? PAYMENT_NOTES.prepaid : quote.paymentNote,
    servicePriceFen: charge?.perViolationFen ?? 0,
    payFen: charge?.amountFen ?? 0,
    payLines: charge?.lines ?? [],
  };
}
