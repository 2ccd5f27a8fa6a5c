import type { CreateInspectionOrderInput } from '@banshi/vendor-clients/docloud';
import type { InspectionOrderDetail } from './entities/inspection-order-detail.entity.js';

type OrderFields = Pick<
  InspectionOrderDetail,
  | 'shopId'
  | 'vendorCarId'
  | 'inspectCityId'
  | 'priceFen'
  | 'contactName'
  | 'contactPhone'
  | 'ownerPhone'
  | 'returnAddress'
>;

/** 《确认订单接口》's request, from what the user submitted (at once) or stored (once paid). */
export function vendorOrderInput(fields: OrderFields): CreateInspectionOrderInput {
  const { province, city, county, address } = fields.returnAddress;
  return {
    shopId: fields.shopId,
    carId: fields.vendorCarId,
    contactPhone: fields.contactPhone,
    inspectCityId: fields.inspectCityId,
    carOwnerPhone: fields.ownerPhone,
    orderPriceFen: fields.priceFen,
    name: fields.contactName,
    phone: fields.contactPhone,
    province,
    city,
    county,
    address,
  };
}
