import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { JobScheduler } from '../common/locks/job-scheduler.service.js';
import { Transactions } from '../database/transactions.js';
import { OrdersService } from '../orders/orders.service.js';
import { Payment } from '../payments/entities/payment.entity.js';
import { PaymentWorker } from '../payments/payment-worker.js';
import { InvoiceScan } from './entities/invoice-scan.entity.js';
import { InvoiceResultsService } from './invoice-results.service.js';
import { RECOGNITION_TIMEOUT_MS, SCAN_STEPS } from './invoice-steps.js';

export const RECOGNITION_TIMEOUT_JOB = 'invoice-recognition-timeout';

/** Changes a user makes to a recognised scan, and the job that gives up on scans the vendor never answered. */
@Injectable()
export class InvoiceReimbursementsService implements OnModuleInit {
  private readonly logger = new Logger(InvoiceReimbursementsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly orders: OrdersService,
    private readonly results: InvoiceResultsService,
    private readonly scheduler: JobScheduler,
    private readonly worker: PaymentWorker,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: RECOGNITION_TIMEOUT_JOB,
      intervalMs: 5 * 60_000,
      run: async () => void (await this.timeOut()),
    });
  }

  /** Marks a bill as reimbursed (or not any more). A duplicate cannot be: its original is the one. */
  async setReimbursed(userId: number, scanId: number, reimbursed: boolean): Promise<void> {
    await this.transactions.run(async (manager) => {
      const scan = await manager.findOneBy(InvoiceScan, { id: scanId, userId });
      if (!scan) throw AppError.notFound('票据记录不存在');
      if (scan.status !== 'recognised') throw AppError.conflict('NOT_RECOGNISED', '票据识别完成后才能标记报销');
      if (reimbursed && scan.duplicateOfId !== null) {
        throw AppError.conflict('DUPLICATE_BILL', '这是一张重复扫描的票据，原票据已计入合计，不能再次报销');
      }
      if ((scan.reimbursedAt !== null) === reimbursed) return;
      const now = new Date();
      await manager.update(InvoiceScan, { id: scanId }, { reimbursedAt: reimbursed ? now : null, updatedAt: now });
      await this.orders.note(manager, scan.orderId, reimbursed ? 'reimbursed' : 'reimbursement_undone', {
        actor: 'user',
        message: reimbursed ? '标记为已报销' : '撤销已报销标记',
      });
    });
  }

  /**
   * Scans still waiting long after their upload: the callback was lost; the user can try again (a
   * paid one is refunded). A paid scan was uploaded when paid, not when created: it waits as long.
   */
  async timeOut(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - RECOGNITION_TIMEOUT_MS);
    const stale = await this.dataSource.getRepository(InvoiceScan).find({
      where: { status: 'recognising', createdAt: LessThan(cutoff) },
      take: 100,
    });
    let failed = 0;
    for (const scan of stale) {
      const payment = await this.dataSource.getRepository(Payment).findOneBy({ orderId: scan.orderId });
      if (payment?.paidAt && payment.paidAt > cutoff) continue;
      const outcome = await this.transactions.run((manager) =>
        this.results.failed(manager, scan.id, SCAN_STEPS.timedOut, '服务商长时间未返回识别结果，请点击“重新识别”', {
          actor: 'system',
          message: '识别超时',
        }),
      );
      if (outcome === 'failed') failed++;
    }
    // Refunds of paid scans that timed out go now rather than at the next payments tick.
    if (failed) this.worker.kick();
    if (failed) this.logger.warn(`${failed} invoice scans timed out waiting for recognition`);
    return failed;
  }
}
