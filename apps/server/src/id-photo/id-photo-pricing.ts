import { Injectable } from '@nestjs/common';
import type { PaymentLine } from '../payments/entities/payment.entity.js';
import { PricesService } from '../payments/prices.service.js';
import { PRICED_SERVICES } from '../payments/prices.js';

/** The payment line of the 打印邮寄 extra. */
export const PRINT_LINE = '打印邮寄';

/** What a receipt order costs the user now: the merchant's receipt price, plus 打印邮寄 when chosen. */
export interface IdPhotoQuote {
  receiptFen: number;
  printFen: number;
  amountFen: number;
  lines: PaymentLine[];
}

/** The merchant's ID-photo prices (0 = free, no payment step), read before the user commits. */
@Injectable()
export class IdPhotoPricing {
  constructor(private readonly prices: PricesService) {}

  async quote(print: boolean): Promise<IdPhotoQuote> {
    const receiptFen = await this.prices.priceOf('id_photo_receipt');
    const printFen = print ? await this.prices.priceOf('id_photo_print') : 0;
    return {
      receiptFen,
      printFen,
      amountFen: receiptFen + printFen,
      lines: [
        { label: PRICED_SERVICES.id_photo_receipt.label, amountFen: receiptFen },
        { label: PRINT_LINE, amountFen: printFen },
      ].filter((line) => line.amountFen > 0),
    };
  }
}
