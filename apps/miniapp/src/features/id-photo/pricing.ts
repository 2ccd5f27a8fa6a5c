import { formatFen } from '../../shared/format';

/** What the user pays, from the merchant's prices on the spec (0 = free, no payment step). */
export interface IdPhotoPrice {
  receiptFen: number;
  printFen: number;
  print: boolean;
}

export function totalFen({ receiptFen, printFen, print }: IdPhotoPrice): number {
  return receiptFen + (print ? printFen : 0);
}

export const isFree = (price: IdPhotoPrice): boolean => totalFen(price) === 0;

/** An amount as the user reads it: ¥15.00, or 免费. */
export const fenOrFree = (fen: number): string => (fen > 0 ? formatFen(fen) : '免费');

/** The lines of the price summary, as shown before the user commits. */
export function priceLines(price: IdPhotoPrice): { label: string; value: string }[] {
  return [
    { label: '电子回执办理', value: fenOrFree(price.receiptFen) },
    ...(price.print ? [{ label: '打印邮寄', value: fenOrFree(price.printFen) }] : []),
  ];
}

/** When and how the money is taken, in true words. */
export function priceNote(price: IdPhotoPrice): string {
  return isFree(price)
    ? '本服务免费，无需支付；审核未通过可免费修改后重新提交'
    : '提交后请在30分钟内完成支付，支付后才提交审核；服务商未受理或订单取消将全额退款；审核未通过可免费修改后重新提交';
}

/** The confirmation before a new order is sent. */
export function confirmContent(specName: string, price: IdPhotoPrice): string {
  const what = `${specName}回执${price.print ? ' + 打印邮寄' : ''}`;
  return isFree(price)
    ? `${what}，本服务免费，提交后直接送审。`
    : `${what}，应付 ${formatFen(totalFen(price))}。提交后请完成支付，支付后才送审。`;
}

export function submitLabel(price: IdPhotoPrice): string {
  return isFree(price) ? '免费提交' : `提交订单 ${formatFen(totalFen(price))}`;
}
