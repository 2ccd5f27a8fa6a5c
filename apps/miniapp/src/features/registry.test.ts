import { SERVICES, servicePageForOrder } from './registry';

describe('servicePageForOrder', () => {
  it("opens a service's own order page when it has one", () => {
    expect(servicePageForOrder({ id: 42, kind: 'id_photo' })).toBe('/id-photo/pages/order/index?id=42');
    expect(servicePageForOrder({ id: 7, kind: 'violation_payment' })).toBe('/vehicles/pages/order/index?id=7');
    expect(servicePageForOrder({ id: 9, kind: 'inspection' })).toBe('/inspection/pages/order/index?id=9');
  });

  it('falls back to the generic timeline for kinds whose pages are keyed by their own ids', () => {
    expect(servicePageForOrder({ id: 3, kind: 'invoice_scan' })).toBeUndefined();
    expect(servicePageForOrder({ id: 3, kind: 'identity' })).toBeUndefined();
  });

  it('only points at pages of subpackages that exist', () => {
    for (const service of SERVICES) {
      if (service.order) expect(service.order.page.startsWith(`/${service.path.split('/')[1]}/`)).toBe(true);
    }
  });
});
