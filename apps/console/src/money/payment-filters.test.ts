import type { Price } from '../api/types';
import { changedPrices } from './price-changes';
import {
  DEFAULT_PAYMENT_FILTERS,
  parsePaymentFilters,
  paymentApiQuery,
  paymentFiltersToParams,
} from './payment-filters';

describe('payment filters ↔ URL ↔ server', () => {
  it('reads every filter from the URL and writes the same URL back', () => {
    const url =
      'status=unpaid&kind=inspection&from=2026-12-01&to=2026-12-04&orderNo=BS1&minYuan=0.5&maxYuan=148&size=100';
    const filters = parsePaymentFilters(new URLSearchParams(url));
    expect(filters).toEqual({
      status: 'unpaid',
      kind: 'inspection',
      from: '2026-12-01',
      to: '2026-12-04',
      orderNo: 'BS1',
      minYuan: '0.5',
      maxYuan: '148',
      size: 100,
    });
    expect(paymentFiltersToParams(filters).toString()).toBe(url);
  });

  it('drops what is malformed, and leaves defaults out of the URL', () => {
    const filters = parsePaymentFilters(
      new URLSearchParams('status=created&kind=pizza&from=today&minYuan=-1&maxYuan=1.234&size=30'),
    );
    expect(filters).toEqual(DEFAULT_PAYMENT_FILTERS);
    expect(paymentFiltersToParams(filters).toString()).toBe('');
  });

  it("sends a status group as the server's statuses and amounts in fen", () => {
    expect(paymentApiQuery({ size: 20, status: 'unpaid', minYuan: '0.29', maxYuan: '148' })).toEqual({
      status: 'created,paying',
      kind: undefined,
      from: undefined,
      to: undefined,
      orderNo: undefined,
      minAmountFen: 29,
      maxAmountFen: 14_800,
    });
    expect(paymentApiQuery({ size: 20, status: 'partially_refunded' }).status).toBe('partially_refunded');
    expect(paymentApiQuery({ size: 50 })).not.toHaveProperty('size');
  });
});

describe('the price form', () => {
  const prices: Price[] = [
    { service: 'inspection', label: '年检代办服务费', unit: '每单', amountFen: 14_800, updatedAt: null },
  ];

  it('sends only the prices that changed, in fen', () => {
    expect(changedPrices(prices, { inspection: '148.00' })).toEqual([]);
    expect(changedPrices(prices, { inspection: '128.5' })).toEqual([{ service: 'inspection', amountFen: 12_850 }]);
    expect(changedPrices(prices, { inspection: '0' })).toEqual([{ service: 'inspection', amountFen: 0 }]);
    expect(changedPrices(prices, { inspection: 'abc' })).toEqual([]);
  });
});
