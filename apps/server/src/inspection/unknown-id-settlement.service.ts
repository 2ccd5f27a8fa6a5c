import { Injectable, Logger } from '@nestjs/common';
import { VendorApiError } from '@banshi/vendor-clients';
import type { InspectionOrderDetail as VendorOrderDetail } from '@banshi/vendor-clients/docloud';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { vendorErrorToAppError } from '../common/errors/vendor-error-mapping.js';
import { isUniqueViolation, Transactions } from '../database/transactions.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { Payment } from '../payments/entities/payment.entity.js';
import type { Refund } from '../payments/entities/refund.entity.js';
import { yuan } from '../payments/payment-steps.js';
import { RefundsService } from '../payments/refunds.service.js';
import { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';
import { InspectionStatus } from './inspection-status.service.js';
import { InspectionVendor, SERVICE_NAME } from './inspection-vendor.service.js';
import { maskPlate } from './inspection-views.js';
import { STEP_UNKNOWN_ID } from './unconfirmed-orders.js';
import { STEP_CLOSED_BY_MERCHANT, STEP_PLACED_PAID, stepForWorder } from './worder-steps.js';

export interface Closed {
  refund: Refund | null;
}

const samePlate = (a: string, b: string) => a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase();

/**
 * The way forward for a 待核实 order (the vendor has it, its id was lost; see unconfirmed-orders.ts):
 * the merchant, having found the id with Docloud's support, enters it (the order is adopted and
 * goes on like a confirmed one, its status read from Docloud at once), or closes the order (what
 * the user paid is refunded). Only a 待核实 inspection order can be settled so.
 */
@Injectable()
export class UnknownIdSettlement {
  private readonly logger = new Logger(UnknownIdSettlement.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly vendor: InspectionVendor,
    private readonly status: InspectionStatus,
    private readonly refunds: RefundsService,
  ) {}

  async adopt(orderId: number, vendorOrderId: string): Promise<void> {
    const detail = await this.unsettled(this.dataSource.manager, orderId);
    const taken = await this.dataSource
      .getRepository(InspectionOrderDetail)
      .findOneBy({ vendorOrderId, id: Not(detail.id) });
    if (taken) throw takenError(taken.orderId);
    const answer = await this.askVendor(detail, vendorOrderId);
    const paid = (await this.dataSource.getRepository(Payment).countBy({ orderId, paidFen: Not(0) })) > 0;
    try {
      await this.transactions.run(async (manager) => {
        await this.orders.lockOrder(manager, orderId);
        await this.unsettled(manager, orderId);
        await manager.update(
          InspectionOrderDetail,
          { id: detail.id },
          { vendorOrderId, worderStatus: 10, updatedAt: new Date() },
        );
        await this.orders.recordVendorRef(manager, orderId, vendorOrderId);
        await this.orders.applyStep(manager, orderId, paid ? STEP_PLACED_PAID : stepForWorder(10), {
          actor: 'merchant',
          message: `已核实服务商订单号 ${vendorOrderId}，订单继续办理`,
          payload: { vendorOrderId },
        });
      });
    } catch (error) {
      // Another order took the same id between the check and the write.
      if (isUniqueViolation(error)) throw takenError();
      throw error;
    }
    // Docloud's own status, from the answer that proved the id.
    await this.status.applyAnswer(detail.id, answer);
  }

  async close(orderId: number, reason: string): Promise<Closed> {
    const refund = await this.transactions.run(async (manager) => {
      await this.orders.lockOrder(manager, orderId);
      await this.unsettled(manager, orderId);
      await this.orders.applyStep(manager, orderId, STEP_CLOSED_BY_MERCHANT, {
        actor: 'merchant',
        message: `订单已关闭：${reason}`.slice(0, 255),
      });
      // Key `C`: one close refund per order, whatever is left after earlier refunds.
      return this.refunds.requestRest(manager, orderId, `年检订单关闭：${reason}`, 'C', 'merchant');
    });
    if (refund) {
      this.logger.log(`inspection order ${orderId} closed by the merchant; refunding ${yuan(refund.amountFen)}`);
      await this.refunds.send(refund.id);
    }
    return { refund };
  }

  /** The order's detail, if it is an inspection order still 待核实; a clear 404 / 409 otherwise. */
  private async unsettled(manager: EntityManager, orderId: number): Promise<InspectionOrderDetail> {
    const order = await manager.findOneBy(Order, { id: orderId });
    if (!order) throw AppError.notFound('订单不存在');
    const detail = order.kind === 'inspection' ? await manager.findOneBy(InspectionOrderDetail, { orderId }) : null;
    if (!detail || order.vendorStatus !== STEP_UNKNOWN_ID.vendorStatus || detail.vendorOrderId !== null) {
      throw AppError.conflict(
        'ORDER_NOT_UNKNOWN_ID',
        `只有“待核实”的年检订单可以填写供应商单号或关闭；该订单当前为“${order.vendorStatus ?? order.status}”`,
      );
    }
    return detail;
  }

  /** The vendor's order of that id, which must be this user's order for this car. */
  private async askVendor(detail: InspectionOrderDetail, vendorOrderId: string): Promise<VendorOrderDetail> {
    let answer: VendorOrderDetail;
    try {
      answer = await this.vendor.raw(detail.userId, (token) =>
        this.vendor.client.getInspectionOrder(vendorOrderId, token),
      );
    } catch (error) {
      if (error instanceof VendorApiError) {
        throw AppError.unprocessable(
          'VENDOR_ORDER_NOT_FOUND',
          `年检服务商查不到该用户的这个订单号（${error.message}），请核对供应商单号`,
        );
      }
      throw vendorErrorToAppError(error, SERVICE_NAME);
    }
    if (!samePlate(answer.plateNumber, detail.plateNumber)) {
      throw AppError.unprocessable(
        'VENDOR_ORDER_MISMATCH',
        `该供应商订单的车牌（${maskPlate(answer.plateNumber)}）与本订单（${maskPlate(detail.plateNumber)}）不一致，请核对供应商单号`,
      );
    }
    return answer;
  }
}

function takenError(orderId?: number): AppError {
  const which = orderId ? `订单 #${orderId}` : '另一个订单';
  return AppError.conflict('VENDOR_ORDER_TAKEN', `该供应商单号已关联${which}，请核对`);
}
