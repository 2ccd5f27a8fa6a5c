import type { InspectionMaterial } from '@banshi/vendor-clients/docloud';
import { maskName, maskPhone, maskTail } from '../common/crypto/masking.js';
import type { OrderEventDto } from '../orders/dto/order.dto.js';
import type { PaymentViewDto } from '../payments/dto/payment.dto.js';
import { toUserEvent } from '../orders/orders.service.js';
import type { Order } from '../orders/order.entity.js';
import type { InspectionOrderDto, InspectionOrderSummaryDto, InspectionStepDto } from './dto/order.dto.js';
import type { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';
import type { InspectionMaterialView } from './inspection-types.js';
import { WORDER_CLOSED, WORDER_HINTS, WORDER_STEPS, worderLabel } from './worder-steps.js';

export function materialView(material: InspectionMaterial): InspectionMaterialView {
  return {
    text: material.text,
    hints: material.message.filter((line) => line.trim() !== ''),
    sampleUrl: material.isPic && material.address ? material.address : null,
  };
}

/**
 * What is shown of a plate, to the owner and the merchant alike: the region and the last three
 * characters (浙B**111), as the garage shows it.
 */
export function maskPlate(plate: string): string {
  const chars = [...plate];
  if (chars.length <= 4) return `${chars[0] ?? ''}***`;
  const head = chars[0] === '使' ? 1 : 2;
  return `${chars.slice(0, head).join('')}${'*'.repeat(chars.length - head - 3)}${chars.slice(-3).join('')}`;
}

/** The vendor's steps with whether (and when) the order reached each; a closed order ends with 60. */
export function stepsOf(worderStatus: number, events: OrderEventDto[]): InspectionStepDto[] {
  const seenAt = new Map<string, string>();
  for (const event of events) {
    if (event.vendorStatus && (event.type === 'created' || event.type === 'status_changed')) {
      if (!seenAt.has(event.vendorStatus)) seenAt.set(event.vendorStatus, event.createdAt);
    }
  }
  const closed = worderStatus === WORDER_CLOSED;
  const path: number[] = closed
    ? [...WORDER_STEPS.filter((s) => seenAt.has(String(s))), WORDER_CLOSED]
    : [...WORDER_STEPS];
  return path.map((status) => ({
    worderStatus: status,
    label: worderLabel(status),
    hint: WORDER_HINTS[status] ?? '',
    reached: status <= worderStatus,
    current: status === worderStatus,
    at: seenAt.get(String(status)) ?? null,
  }));
}

export function summaryOf(order: Order, detail: InspectionOrderDetail): InspectionOrderSummaryDto {
  return {
    id: order.id,
    orderNo: order.orderNo,
    status: order.status,
    title: order.title,
    amountFen: order.amountFen,
    plateNumber: maskPlate(detail.plateNumber),
    worderStatus: detail.worderStatus,
    // Before the vendor's id is known there is no worderStatus: 待确认 or 待核实 says where it stands.
    worderLabel: detail.vendorOrderId === null ? (order.vendorStatus ?? '') : worderLabel(detail.worderStatus),
    createdAt: order.createdAt.toISOString(),
  };
}

/**
 * The order as its owner sees it: personal data and the plate masked, the timeline without vendor
 * codes (the steps are worked out from the full one).
 */
export function orderView(
  order: Order,
  detail: InspectionOrderDetail,
  events: OrderEventDto[],
  payment: PaymentViewDto | null = null,
): InspectionOrderDto {
  const back = detail.backEmsNumber ? { company: detail.backEmsCompany || null, number: detail.backEmsNumber } : null;
  return {
    ...summaryOf(order, detail),
    updatedAt: order.updatedAt.toISOString(),
    useFor: detail.useFor,
    cityName: detail.inspectCityName,
    shopName: detail.shopName,
    shopAddress: detail.shopAddress,
    shopPhone: detail.shopPhone,
    steps: stepsOf(detail.worderStatus, events),
    sendEmsNumber: detail.sendEmsNumber || null,
    returnShipment: back,
    materials: detail.materials,
    returnAddress: {
      name: maskName(detail.contactName) ?? '',
      phone: maskPhone(detail.contactPhone) ?? '',
      province: detail.returnAddress.province,
      city: detail.returnAddress.city,
      county: detail.returnAddress.county,
      address: maskTail(detail.returnAddress.address, 4) ?? '',
    },
    ownerPhone: maskPhone(detail.ownerPhone) ?? '',
    checkedAt: detail.checkedAt?.toISOString() ?? null,
    events: events.map(toUserEvent),
    payment,
  };
}
