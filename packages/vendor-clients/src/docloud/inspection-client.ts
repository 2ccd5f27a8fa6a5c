import { fenToYuan } from '../core/index.js';
import {
  toBrands,
  toCarId,
  toCities,
  toDistricts,
  toInspectionOrder,
  toModels,
  toPreOrder,
  toProvinces,
  toSeries,
} from './mappers/inspection.js';
import { asObject, compact, id, text } from './parse.js';
import { DocloudMonitorClient } from './monitor-client.js';
import type { QueryParams } from './signing.js';
import type {
  CreateInspectionOrderInput,
  InspectionBrand,
  InspectionCity,
  InspectionDistrict,
  InspectionModel,
  InspectionOrderDetail,
  InspectionPreOrder,
  InspectionProvince,
  InspectionSeries,
  PreOrderInput,
  ReplaceVehicleInput,
} from './types/inspection.js';

/** The only inspection type the document describes: 免检 (exempted, handled by post). */
const INSPECT_TYPE_EXEMPTED = 1;

/** Numeric ids go out as JSON numbers where the document types them int. */
const intId = (value: string | number) => (typeof value === 'number' || !/^\d+$/.test(value) ? value : Number(value));

/**
 * 《年检》 endpoints. Each takes the user's token (from `assignUserToken`) as its last argument;
 * it travels in the `token` header beside `app_key`, on top of the signed query.
 */
export class DocloudInspectionClient extends DocloudMonitorClient {
  /** 《年检 / 获取token》 `POST /user/assign/token`: the same `authCode` always gets the same token. */
  async assignUserToken(authCode: string): Promise<string> {
    return this.call(
      { method: 'POST', path: '/user/assign/token', body: { authCode }, idempotent: true, inspection: {} },
      (data) => text(asObject(data, 'data').token, 'token'),
    );
  }

  /** 《获取车辆品牌列表》 `GET /basedata/brand/list` (a bare array). */
  async listBrands(token: string): Promise<InspectionBrand[]> {
    return this.call(this.baseData('/basedata/brand/list', {}, token), toBrands);
  }

  /** The document's second 《获取车辆品牌列表》: `GET /basedata/brand/list?brandId=` returns the brand's series. */
  async listSeries(brandId: number, token: string): Promise<InspectionSeries[]> {
    return this.call(this.baseData('/basedata/brand/list', { brandId }, token), toSeries);
  }

  /** 《获取车辆车型列表》 `GET /basedata/model/list?seriesId=` (a bare array). */
  async listModels(seriesId: number, token: string): Promise<InspectionModel[]> {
    return this.call(this.baseData('/basedata/model/list', { seriesId }, token), toModels);
  }

  /** 《一级省市及直辖市列表接口》 `GET /area/province/list`. */
  async listProvinces(token: string): Promise<InspectionProvince[]> {
    return this.call(this.get('/area/province/list', {}, token), toProvinces);
  }

  /** 《二级城市列表接口》 `GET /area/city/list?provinceId=`. */
  async listCities(provinceId: number, token: string): Promise<InspectionCity[]> {
    return this.call(this.get('/area/city/list', { provinceId }, token), toCities);
  }

  /** 《三级县/乡/区列表接口》 `GET /area/district/list?cityId=`. */
  async listDistricts(cityId: number, token: string): Promise<InspectionDistrict[]> {
    return this.call(this.get('/area/district/list', { cityId }, token), toDistricts);
  }

  /**
   * 《绑定用户车辆》 `POST /inspection/v2/vehicle/replace`: binds a car (or replaces the one with
   * `carId`) and returns its id. Retried only when replacing, since a new binding has no key.
   */
  async replaceVehicle(vehicle: ReplaceVehicleInput, token: string): Promise<string> {
    const body = compact({
      carId: vehicle.carId === undefined ? undefined : intId(vehicle.carId),
      brandId: vehicle.brandId,
      seriesId: vehicle.seriesId,
      modelId: vehicle.modelId,
      carNum: vehicle.carNum,
      registerDate: vehicle.registerDate,
      carSeats: String(vehicle.carSeats),
      useFor: vehicle.useFor,
      inspectionVehicleType: vehicle.inspectionVehicleType,
      operationType: vehicle.operationType ?? 0,
      isAccidentCar: vehicle.isAccidentCar ?? 0,
    });
    return this.call(
      {
        method: 'POST',
        path: '/inspection/v2/vehicle/replace',
        body,
        idempotent: vehicle.carId !== undefined,
        inspection: { token },
      },
      toCarId,
    );
  }

  /** 《免检待确认订单》 `GET /inspection/v2/order/pre`: price, shop and the materials this car needs. */
  async getPreOrder(input: PreOrderInput, token: string): Promise<InspectionPreOrder> {
    const params = compact({ carId: input.carId, inspectType: INSPECT_TYPE_EXEMPTED, lng: input.lng, lat: input.lat });
    return this.call(this.get('/inspection/v2/order/pre', params, token), toPreOrder);
  }

  /** 《免检订单详情》 `GET /inspection/v2/order/detail`: `worderStatus`, shipments, materials. */
  async getInspectionOrder(orderId: string | number, token: string): Promise<InspectionOrderDetail> {
    const params = { orderId, inspectType: INSPECT_TYPE_EXEMPTED };
    return this.call(this.get('/inspection/v2/order/detail', params, token), toInspectionOrder);
  }

  /**
   * 《确认订单接口》 `POST /inspection/v2/order/create`. Never retried: the call carries no key of
   * ours, so a second attempt after a lost answer could create a second order.
   */
  async createInspectionOrder(input: CreateInspectionOrderInput, token: string): Promise<string> {
    const body = compact({
      shopId: input.shopId,
      carId: intId(input.carId),
      inspectType: INSPECT_TYPE_EXEMPTED,
      contactPhone: input.contactPhone,
      inspectCityId: input.inspectCityId,
      carOwnerPhone: input.carOwnerPhone,
      orderPrice: Number(fenToYuan(input.orderPriceFen)),
      name: input.name,
      phone: input.phone,
      province: input.province,
      city: input.city,
      county: input.county,
      address: input.address,
      lat: input.lat,
      lng: input.lng,
      promotionId: input.promotionId,
      promotionType: input.promotionType,
      promotionName: input.promotionName,
    });
    return this.call(
      { method: 'POST', path: '/inspection/v2/order/create', body, idempotent: false, inspection: { token } },
      (data) => id(asObject(data, 'data').orderId, 'orderId'),
    );
  }

  private get(path: string, params: QueryParams, token: string) {
    return { method: 'GET' as const, path, params, idempotent: true, inspection: { token } };
  }

  private baseData(path: string, params: QueryParams, token: string) {
    return { ...this.get(path, params, token), shape: 'bare' as const };
  }
}
