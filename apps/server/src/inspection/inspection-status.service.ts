import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { InspectionOrderDetail as VendorOrderDetail } from '@banshi/vendor-clients/docloud';
import { DataSource } from 'typeorm';
import { maskText } from '../common/crypto/masking.js';
import { JobScheduler } from '../common/locks/job-scheduler.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { Transactions } from '../database/transactions.js';
import { Order } from '../orders/order.entity.js';
import { OrdersService } from '../orders/orders.service.js';
import { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';
import { InspectionVendor } from './inspection-vendor.service.js';
import { materialView } from './inspection-views.js';
import { isNews, stepForWorder, worderLabel } from './worder-steps.js';

export const STATUS_JOB = 'inspection.order-status';

/** Orders asked per tick: the oldest-asked first, so every open order gets its turn. */
export const STATUS_BATCH = 50;

export interface StatusTick {
  checked: number;
  changed: number;
  failed: number;
}

/**
 * Docloud names no callback for annual-inspection orders, so their status is polled: a job asks
 * 《免检订单详情》 for the open orders (bounded, oldest-asked first; one instance at a time through the
 * scheduler's lease), and a user may ask for their own order at any time. Each answer is applied
 * under the order's row lock through `OrdersService.applyStep`, so two askers cannot both apply it.
 */
@Injectable()
export class InspectionStatus implements OnModuleInit {
  private readonly logger = new Logger(InspectionStatus.name);

  constructor(
    private readonly vendor: InspectionVendor,
    private readonly orders: OrdersService,
    private readonly transactions: Transactions,
    private readonly scheduler: JobScheduler,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // The sandbox moves an order on every few seconds; the real vendor takes days per step.
    const intervalMs = this.config.vendorMode === 'sandbox' ? 5_000 : 120_000;
    this.scheduler.register({ name: STATUS_JOB, intervalMs, run: async () => void (await this.tick()) });
  }

  async tick(limit = STATUS_BATCH): Promise<StatusTick> {
    const due = await this.dataSource
      .getRepository(InspectionOrderDetail)
      .createQueryBuilder('d')
      .innerJoin(Order, 'o', 'o.id = d.order_id')
      .where('o.kind = :kind', { kind: 'inspection' })
      .andWhere('o.status IN (:...open)', { open: ['pending', 'processing', 'action_required'] })
      // Without the vendor's id there is nothing to ask about (see unconfirmed-orders.ts).
      .andWhere('d.vendor_order_id IS NOT NULL')
      .orderBy('d.checkedAt', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(limit)
      .getMany();
    const result: StatusTick = { checked: 0, changed: 0, failed: 0 };
    for (const detail of due) {
      result.checked++;
      try {
        if (await this.refresh(detail)) result.changed++;
      } catch {
        result.failed++; // recorded on the row by refresh; the next tick tries again
      }
    }
    if (result.checked > 0) this.logger.log(`inspection status: ${JSON.stringify(result)}`);
    return result;
  }

  /** Asks the vendor about one order and applies what is new. Answers whether the status moved. */
  async refresh(detail: InspectionOrderDetail): Promise<boolean> {
    const vendorOrderId = detail.vendorOrderId;
    if (vendorOrderId === null) return false;
    let answer: VendorOrderDetail;
    try {
      answer = await this.vendor.raw(detail.userId, (token) =>
        this.vendor.client.getInspectionOrder(vendorOrderId, token),
      );
    } catch (error) {
      const message = maskText(error instanceof Error ? error.message : String(error)).slice(0, 255);
      this.logger.warn(`docloud inspection order ${detail.vendorOrderId}: status unknown (${message})`);
      await this.dataSource
        .getRepository(InspectionOrderDetail)
        .update({ id: detail.id }, { checkedAt: new Date(), checkError: message });
      throw error;
    }
    return this.applyAnswer(detail.id, answer);
  }

  /** Applies one answer of 《免检订单详情》 to the order (its row locked); answers whether the status moved. */
  applyAnswer(detailId: number, answer: VendorOrderDetail): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const current = await manager.findOneByOrFail(InspectionOrderDetail, { id: detailId });
      const order = await this.orders.lockOrder(manager, current.orderId);
      const now = new Date();
      const backNumber = answer.backEmsNumber ?? current.backEmsNumber;
      const backCompany = answer.backEmsCompany ?? current.backEmsCompany;
      const sendNumber = answer.sendEmsNumber ?? current.sendEmsNumber;
      const news = isNews(order, answer.worderStatus);
      if (news) {
        await this.orders.applyStep(manager, order.id, stepForWorder(answer.worderStatus), {
          actor: 'vendor',
          message: this.messageFor(answer.worderStatus, sendNumber, backCompany, backNumber),
          payload: {
            worderStatus: answer.worderStatus,
            sendEmsNumber: answer.sendEmsNumber,
            backEmsCompany: answer.backEmsCompany,
            backEmsNumber: answer.backEmsNumber,
          },
        });
      } else if (backNumber && backNumber !== current.backEmsNumber) {
        await this.orders.note(manager, order.id, 'shipment', {
          actor: 'vendor',
          message: `回寄物流：${backCompany ?? ''} ${backNumber}`.trim(),
        });
      }
      await manager.update(
        InspectionOrderDetail,
        { id: current.id },
        {
          worderStatus: news ? answer.worderStatus : current.worderStatus,
          sendEmsNumber: sendNumber,
          backEmsCompany: backCompany,
          backEmsNumber: backNumber,
          shopName: answer.shopName ?? current.shopName,
          shopAddress: answer.shopAddress ?? current.shopAddress,
          shopPhone: answer.contactPhone ?? current.shopPhone,
          materials: answer.materials.length > 0 ? answer.materials.map(materialView) : current.materials,
          checkedAt: now,
          checkError: null,
          updatedAt: now,
        },
      );
      return news;
    });
  }

  private messageFor(
    worderStatus: number,
    sendNumber: string | null,
    backCompany: string | null,
    backNumber: string | null,
  ): string {
    const label = `年检进度：${worderLabel(worderStatus)}`;
    if (worderStatus === 20 && sendNumber) return `${label}，送件单号 ${sendNumber}`;
    if (worderStatus >= 35 && worderStatus <= 50 && backNumber)
      return `${label}，回寄：${backCompany ?? ''} ${backNumber}`;
    return label;
  }
}
