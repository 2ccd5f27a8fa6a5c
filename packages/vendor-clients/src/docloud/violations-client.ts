import { fenToYuan } from '../core/index.js';
import { DocloudClientBase } from './client-base.js';
import { toConditions, toOrderDetail, toOrderId, toOrderStatus, toViolationResult } from './mappers/violations.js';
import { asObject, compact, flag, text } from './parse.js';
import type {
  AssignTokenInput,
  CheckDeductSelfInput,
  CreateDeductSelfOrderInput,
  CreateOrderInput,
  DocloudOrderDetail,
  DocloudOrderStatus,
  DocloudProvinceConditions,
  DocloudSignTestResult,
  DocloudViolationResult,
  OrderRef,
  QueryViolationsInput,
  QuotePriceInput,
  UploadTravelLicenseInput,
} from './types/violations.js';

const tokenOf = (data: unknown) => text(asObject(data, 'data').token, 'token');

/** 《违章查缴》 endpoints, plus the signature test. */
export class DocloudViolationsClient extends DocloudClientBase {
  /**
   * 《签名验证接口》 `/sign/test`: the vendor echoes the body and query it verified.
   * Useful to check credentials and clock at start-up.
   */
  async signTest(payload: unknown = {}, params: Record<string, string> = {}): Promise<DocloudSignTestResult> {
    return this.call({ method: 'POST', path: '/sign/test', params, body: payload, idempotent: true }, (data) => {
      const d = asObject(data, 'data');
      return { requestBody: text(d.requestBody ?? '', 'requestBody'), urlParam: text(d.urlParam, 'urlParam') };
    });
  }

  /**
   * 《获取token》 `POST /violation/assign/token`: binds a car to a phone (at most 3 cars per phone)
   * and returns the token that orders need. Not retried: a repeat meets 1036 (already bound); the
   * token also comes back from `queryViolations` with the same phone.
   */
  async assignToken(input: AssignTokenInput): Promise<string> {
    const body = compact({
      phone: input.phone,
      plateNumber: input.plateNumber,
      vin: input.vin,
      engineNo: input.engineNo,
    });
    return this.call({ method: 'POST', path: '/violation/assign/token', body, idempotent: false }, tokenOf);
  }

  /** 《支持城市及条件》 `GET /violation/condition/all/1.0`: open cities and the VIN / engine-number parts each needs. */
  async listConditions(): Promise<DocloudProvinceConditions[]> {
    return this.call({ method: 'GET', path: '/violation/condition/all/1.0', idempotent: true }, toConditions);
  }

  /**
   * 《查询违章及费用》 `POST /violation/query/1.0`. One query per car at a time: a concurrent one
   * gets 1014 (retryable). With `needFee` each violation carries its service fee and `canSelect`.
   */
  async queryViolations(input: QueryViolationsInput): Promise<DocloudViolationResult> {
    const body = compact({
      carType: input.carType,
      plateNumber: input.plateNumber,
      vin: input.vin,
      engineNo: input.engineNo,
      phone: input.phone,
      city: input.city,
      needFee: input.needFee,
      deductSelf: input.deductSelf,
    });
    // Each query is billed (only assign/token says it is not): an answer lost in transit may have
    // been charged already, so it is never sent again blindly.
    return this.call({ method: 'POST', path: '/violation/query/1.0', body, idempotent: false }, toViolationResult);
  }

  /**
   * 《创建代缴订单》 `POST /violation/create/order`. Retried after a timeout because `outOrderNo`
   * makes a repeat fail with 1117 (`DocloudDuplicateOrderError`) instead of creating a second order.
   */
  async createOrder(input: CreateOrderInput): Promise<{ orderId: string }> {
    return this.call(
      { method: 'POST', path: '/violation/create/order', body: orderBody(input), idempotent: true },
      (data) => ({ orderId: toOrderId(data) }),
    );
  }

  /** 《创建代缴订单(自扣分)》 `POST /violation/deduct/self/create/order`; idempotent through `outOrderNo` like `createOrder`. */
  async createDeductSelfOrder(input: CreateDeductSelfOrderInput): Promise<{ orderId: string }> {
    const body = { ...orderBody(input), driveNum: input.driveNum, fileNum: input.fileNum };
    return this.call(
      { method: 'POST', path: '/violation/deduct/self/create/order', body, idempotent: true },
      (data) => ({ orderId: toOrderId(data) }),
    );
  }

  /** 《查询订单状态》 `GET /violation/order/status`. */
  async getOrderStatus(ref: OrderRef): Promise<DocloudOrderStatus> {
    const params = { token: ref.token, orderId: String(ref.orderId) };
    return this.call({ method: 'GET', path: '/violation/order/status', params, idempotent: true }, toOrderStatus);
  }

  /** 《查询代缴订单详情》 `GET /violation/order/detail`: status, times, price, pay URL (online mode), violations. */
  async getOrderDetail(ref: OrderRef): Promise<DocloudOrderDetail> {
    const params = { token: ref.token, orderId: String(ref.orderId) };
    return this.call({ method: 'GET', path: '/violation/order/detail', params, idempotent: true }, toOrderDetail);
  }

  /**
   * 《上传行驶证》 `POST /violation/upload/material`: both pages, each a JPEG, PNG or BMP of at most
   * 500 KB (1002 otherwise). Needed before ordering violations marked `needTravelLicense`.
   */
  async uploadTravelLicense(input: UploadTravelLicenseInput): Promise<boolean> {
    const body = { token: input.token, travelLicenseImg: base64(input.front), travelLicenseImgBg: base64(input.back) };
    return this.call({ method: 'POST', path: '/violation/upload/material', body, idempotent: true }, flag);
  }

  /** 《直通车查询报价》 `POST /violation/price/query`: fees for violations the user typed in. */
  async quotePrice(input: QuotePriceInput): Promise<DocloudViolationResult> {
    const body = compact({
      plateNumber: input.plateNumber,
      carType: input.carType,
      vin: input.vin,
      engineNo: input.engineNo,
      phone: input.phone,
      remark: input.remark,
      items: input.items.map((item) =>
        compact({
          violationCity: item.violationCity,
          violationTime: item.violationTime,
          violationLocation: item.violationLocation,
          violationCode: item.violationCode,
          violationFine: item.violationFineFen / 100,
          violationMark: item.violationMark,
          violationNum: item.violationNum,
          violationReason: item.violationReason,
        }),
      ),
    });
    return this.call({ method: 'POST', path: '/violation/price/query', body, idempotent: true }, toViolationResult);
  }

  /** 《自扣分下单校验》 `POST /violation/deduct/self/valid`: whether this driver may order point violations. */
  async checkDeductSelf(input: CheckDeductSelfInput): Promise<boolean> {
    const body = compact({
      token: input.token,
      driveNum: input.driveNum,
      fileNum: input.fileNum,
      carType: input.carType,
    });
    return this.call({ method: 'POST', path: '/violation/deduct/self/valid', body, idempotent: true }, (data) =>
      flag(asObject(data, 'data').result),
    );
  }
}

function orderBody(input: CreateOrderInput) {
  return compact({
    token: input.token,
    violationCodes: input.violationCodes,
    totalPrice: fenToYuan(input.totalPriceFen),
    outOrderNo: input.outOrderNo,
    carType: input.carType,
    lng: input.lng,
    lat: input.lat,
  });
}

function base64(image: Buffer | string): string {
  return typeof image === 'string' ? image.replace(/^data:[^;]+;base64,/, '') : image.toString('base64');
}
