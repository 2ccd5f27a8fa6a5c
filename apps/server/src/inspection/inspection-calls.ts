import { Injectable, OnModuleInit } from '@nestjs/common';
import { CallSettlers } from '../outgoing-calls/call-settlers.js';
import type { CallIntent } from '../outgoing-calls/outgoing-call-ledger.service.js';
import type { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';

export const INSPECTION_ORDER_OPERATION = 'inspection-order';

/** 《确认订单接口》 of a paid order, about our order no (what is asked: no phone, no address). */
export function inspectionOrderIntent(orderNo: string, detail: InspectionOrderDetail): CallIntent {
  return {
    vendor: 'docloud',
    operation: INSPECTION_ORDER_OPERATION,
    subjectKind: 'order',
    subjectId: orderNo,
    key: `docloud:inspection-order:${orderNo}`,
    request: { priceFen: detail.priceFen, shopId: detail.shopId },
  };
}

/**
 * Docloud cannot be asked about an inspection order by our number (unconfirmed-orders.ts): the
 * fulfilment worker's next try settles a lost answer (created, or 1142: the car's open order is
 * ours). One the worker could not settle within the hour is a person's to look up.
 */
@Injectable()
export class InspectionCallSettlers implements OnModuleInit {
  constructor(private readonly settlers: CallSettlers) {}

  onModuleInit(): void {
    this.settlers.register('docloud', INSPECTION_ORDER_OPERATION, {
      windowMs: 3_600_000,
      advice:
        '懂云年检无法按我方单号查询：请联系懂云客服按车牌查询是否已下单。已下单选「已受理」，并在订单详情中填写供应商单号；未下单选「未受理」',
    });
  }
}
