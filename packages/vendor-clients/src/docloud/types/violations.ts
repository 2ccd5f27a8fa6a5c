/** 《车辆类型》 */
export type DocloudCarType = '01' | '02' | '51' | '52' | '15';

export const DOCLOUD_CAR_TYPES: Readonly<Record<DocloudCarType, string>> = {
  '01': '大型汽车',
  '02': '小型汽车',
  '51': '大型新能源汽车',
  '52': '小型新能源汽车',
  '15': '挂车',
};

/** 《违章处理状态》: 1 未处理, 2 处理中, 3 已处理, 4 不支持处理. */
export type ViolationProcessStatus = 1 | 2 | 3 | 4;

export const VIOLATION_PROCESS_STATUS: Readonly<Record<ViolationProcessStatus, string>> = {
  1: '未处理',
  2: '处理中',
  3: '已处理',
  4: '不支持处理',
};

/** 《订单状态字典》: 1 已创建, 2 已支付, 3 已完成, 4 已关闭. */
export type DocloudOrderStatusCode = 1 | 2 | 3 | 4;

export const DOCLOUD_ORDER_STATUS: Readonly<Record<DocloudOrderStatusCode, string>> = {
  1: '订单已创建',
  2: '订单已支付',
  3: '订单已完成',
  4: '订单已关闭',
};

/**
 * How many characters of a VIN or engine number a city needs: -1 the whole number, 0 none,
 * N the last N characters.
 */
export type LengthRule = number;

export interface DocloudCityCondition {
  city: string;
  /** Plate prefix, "浙A" (or "京" for a municipality). */
  cityPrefix: string;
  vinLength: LengthRule;
  engineNoLength: LengthRule;
  carTypes: DocloudCarType[];
}

export interface DocloudProvinceConditions {
  province: string;
  cities: DocloudCityCondition[];
}

export interface DocloudCarIdentity {
  plateNumber: string;
  vin?: string;
  engineNo?: string;
  carType?: DocloudCarType;
}

export interface AssignTokenInput extends DocloudCarIdentity {
  /** The user's real 11-digit phone; one phone holds at most 3 cars. */
  phone: string;
}

export interface QueryViolationsInput extends DocloudCarIdentity {
  phone?: string;
  /** Whose rules to query by; defaults to the plate's city. */
  city?: string;
  /** Ask for service fees (and whether each violation can be handled through an order). */
  needFee?: boolean;
  /** Self-deduct mode: point violations become selectable, with their `markFee`. */
  deductSelf?: boolean;
}

export interface DocloudViolation {
  /** The vendor's unique code of this record (not the traffic-rule code). */
  code: string;
  time: string;
  fineFen: number;
  address: string;
  reason: string;
  point: number;
  violationCity?: string;
  /** Province and city whose fine standard applies. */
  province?: string;
  city?: string;
  serviceFeeFen?: number;
  /** Fee for the point deduction, in self-deduct mode. */
  markFeeFen?: number;
  canSelect: boolean;
  /** Absent where the vendor does not send it (order details). */
  processStatus?: ViolationProcessStatus;
  /** 1 unpaid, 2 paid; absent when the vendor does not know. */
  paymentStatus?: 1 | 2;
  needTravelLicense: boolean;
  processType?: number;
  violationNum?: string;
  violationWritNo?: string;
  organName?: string;
}

export interface DocloudViolationResult {
  token?: string;
  totalFineFen: number;
  totalPoints: number;
  untreated: number;
  violations: DocloudViolation[];
}

export interface CreateOrderInput {
  token: string;
  violationCodes: string[];
  /** Fines plus service fees (plus mark fees in self-deduct orders), in fen. */
  totalPriceFen: number;
  /** Our order number: the vendor refuses a repeat with 1117, which makes retries safe. */
  outOrderNo: string;
  carType?: DocloudCarType;
  lng?: number;
  lat?: number;
}

export interface CreateDeductSelfOrderInput extends CreateOrderInput {
  /** Driving licence number (the holder's ID number). */
  driveNum: string;
  /** Driving licence file number (档案编号). */
  fileNum: string;
}

export interface OrderRef {
  token: string;
  orderId: string | number;
}

export interface DocloudOrderViolationStatus {
  code: string;
  processStatus: ViolationProcessStatus;
}

export interface DocloudOrderStatus {
  orderId: string;
  orderStatus: DocloudOrderStatusCode;
  modifyTime?: string;
  violations: DocloudOrderViolationStatus[];
}

export interface DocloudOrderDetail {
  orderId: string;
  orderStatus: DocloudOrderStatusCode;
  orderCreateTime?: string;
  orderPayTime?: string;
  orderCloseTime?: string;
  orderPriceFen: number;
  /** Where the user pays, in online-payment mode. */
  payUrl?: string;
  plateNumber?: string;
  cancelReason?: string;
  violations: DocloudViolation[];
}

export interface UploadTravelLicenseInput {
  token: string;
  /** Front page: raw bytes, or base64 already. JPEG, PNG or BMP, at most 500 KB. */
  front: Buffer | string;
  /** Back page (副页), same rules. */
  back: Buffer | string;
}

export interface QuoteItemInput {
  violationCity: string;
  /** `yyyy-MM-dd HH:mm:ss` */
  violationTime: string;
  violationLocation: string;
  violationCode: string;
  /** Sent in whole yuan, as the document asks for an int. */
  violationFineFen: number;
  violationMark: number;
  violationNum?: string;
  violationReason: string;
}

export interface QuotePriceInput extends DocloudCarIdentity {
  phone: string;
  remark?: string;
  items: QuoteItemInput[];
}

export interface CheckDeductSelfInput {
  token: string;
  driveNum: string;
  fileNum: string;
  carType?: DocloudCarType;
}

export interface DocloudSignTestResult {
  requestBody: string;
  urlParam: string;
}
