export interface InspectionBrand {
  brandId: number;
  brandName: string;
  /** First letter, for an A-Z index. */
  alphaCode: string;
  icon?: string;
}

export interface InspectionSeries {
  seriesId: number;
  seriesName: string;
}

export interface InspectionModel {
  modelId: number;
  modelName: string;
  tireStandard?: string;
  backTireStandard?: string;
  /** Manufacturer's guide price in 万元 (28.98 = ¥289,800), as the vendor sends it. */
  guidePriceWan?: number;
}

export interface InspectionProvince {
  id: number;
  name: string;
}

export interface InspectionCity {
  id: number;
  name: string;
  provinceId: number;
}

export interface InspectionDistrict {
  id: number;
  name: string;
  cityId: number;
}

/** 0 private car, 1 company car (公车), which needs stamped company documents. */
export type InspectionUseFor = 0 | 1;

/** 1: six seats or fewer; 10: seven seats or more, or a van. */
export type InspectionVehicleType = 1 | 10;

export interface ReplaceVehicleInput {
  /** Present to replace a car already bound; absent to bind a new one. */
  carId?: string | number;
  brandId: number;
  seriesId: number;
  modelId: number;
  carNum: string;
  /** `yyyy-MM-dd` */
  registerDate: string;
  carSeats: number | string;
  useFor: InspectionUseFor;
  inspectionVehicleType: InspectionVehicleType;
  operationType?: 0 | 1;
  isAccidentCar?: 0 | 1;
}

export interface PreOrderInput {
  carId: string | number;
  lng?: number | string;
  lat?: number | string;
}

export interface InspectionMaterial {
  text: string;
  /** Hints shown under the item. */
  message: string[];
  /** Whether a sample picture exists (at `address`). */
  isPic: boolean;
  address: string;
}

export interface InspectionPreOrder {
  carId: string;
  carNum: string;
  carRegisterCityId: number;
  carRegisterCityName: string;
  inspectionCityId: number;
  inspectionCityName: string;
  inspectionShopId: number;
  /** Service fee, in fen. */
  totalPriceFen: number;
  brandIcon?: string;
  /** The user's default phone, when the vendor knows one. */
  phone?: string;
  goodsCode?: string;
  materials: InspectionMaterial[];
}

/** 《worderStatus》 */
export type InspectionOrderStatus = 10 | 15 | 20 | 25 | 30 | 35 | 50 | 60;

export const INSPECTION_ORDER_STATUS: Readonly<Record<InspectionOrderStatus, string>> = {
  10: '已创建待支付',
  15: '待取件',
  20: '送件中',
  25: '办理中',
  30: '办理完成-待取件',
  35: '办理完成-送件中',
  50: '办理完成-已收件',
  60: '已关闭',
};

export interface InspectionAddress {
  name: string;
  phone: string;
  province: string;
  city: string;
  county?: string;
  address: string;
}

export interface InspectionOrderDetail {
  orderId: string;
  worderStatus: InspectionOrderStatus;
  plateNumber: string;
  carBrandLogo?: string;
  inspectionCityName?: string;
  shopName?: string;
  shopAddress?: string;
  contactPhone?: string;
  contactName?: string;
  sendEmsNumber?: string;
  userAddress?: InspectionAddress;
  memberPriceFen: number;
  bonusesFen: number;
  payPriceFen: number;
  backEmsCompany?: string;
  backEmsNumber?: string;
  materials: InspectionMaterial[];
}

export interface CreateInspectionOrderInput extends InspectionAddress {
  shopId: number;
  carId: string | number;
  /** Phone that receives progress messages. */
  contactPhone: string;
  inspectCityId: number;
  carOwnerPhone: string;
  /** Must equal the pre-order's price. */
  orderPriceFen: number;
  lat?: number;
  lng?: number;
  promotionId?: number;
  promotionType?: number;
  promotionName?: string;
}
