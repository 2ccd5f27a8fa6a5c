import { SERVICES, servicePageForOrder } from './registry';

describe('servicePageForOrder', () => {
  it("opens a service's own order page when it has one", () => {
    expect(servicePageForOrder({ id: 42, kind: 'id_photo' })).toBe('/id-photo/pages/order/index?id=42');
    expect(servicePageForOrder({ id: 7, kind: 'violation_payment' })).toBe('/vehicles/pages/order/index?id=7');
    expect(servicePageForOrder({ id: 9, kind: 'inspection' })).toBe('/inspection/pages/order/index?id=9');
  });

  it('passes the order id as orderId to pages keyed by their own records', () => {
    expect(servicePageForOrder({ id: 3, kind: 'invoice_scan' })).toBe('/invoices/pages/detail/index?orderId=3');
    expect(servicePageForOrder({ id: 5, kind: 'identity' })).toBe('/identity/pages/result/index?orderId=5');
  });

  it('falls back to the generic timeline for kinds without a page of their own', () => {
    expect(servicePageForOrder({ id: 3, kind: 'other' as never })).toBeUndefined();
  });

  it('only points at pages of subpackages that exist', () => {
    for (const service of SERVICES) {
      if (service.order) expect(service.order.page.startsWith(`/${service.path.split('/')[1]}/`)).toBe(true);
    }
  });
});
