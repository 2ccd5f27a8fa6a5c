import { yuanToFen } from '@banshi/vendor-clients';
import { docloudFields } from '@banshi/vendor-clients/docloud';
import type { SimContext } from '../context.js';
import { areaCityForPlate, COMPANY_SURCHARGE_FEN, type AreaCity } from '../data/areas.js';
import { findBrand } from '../data/catalogue-data.js';
import { PLATE_PATTERN } from '../data/cities.js';
import { materialsFor } from '../data/materials.js';
import { yuanNumber } from '../render.js';
import { fail, intParam, jsonBody, registerRoute, type Json } from '../route-kit.js';
import type { InspectionUser, SimCar } from '../state.js';
import { checkPhone, required, text } from '../validation.js';

const { optInt, optNumber } = docloudFields;

const EXEMPTION_YEARS = 6;

export function registerInspectionRoutes(ctx: SimContext): void {
  registerRoute(ctx, { method: 'POST', path: '/user/assign/token', inspection: 'app' }, (request) => {
    const authCode = required(jsonBody(request), 'authCode', 'authCode');
    return { token: ctx.inspection.userFor(authCode).token };
  });

  const user = { inspection: 'user' as const };

  registerRoute(ctx, { ...user, method: 'POST', path: '/inspection/v2/vehicle/replace' }, (request, owner) => {
    const car = vehicleOf(ctx, jsonBody(request), owner as InspectionUser);
    ctx.state.cars.set(car.carId, car);
    return { carId: car.carId };
  });

  registerRoute(ctx, { ...user, method: 'GET', path: '/inspection/v2/order/pre' }, (request, owner) => {
    exemptedOnly(intParam(request, 'inspectType'));
    const car = ownCar(ctx, intParam(request, 'carId'), owner as InspectionUser);
    const { city, priceFen } = offerFor(ctx, car);
    return {
      carRegisterCityId: city.id,
      totalPrice: yuanNumber(priceFen),
      inspectionCityName: city.name,
      carNum: car.carNum,
      inspectionCityId: city.id,
      brandIcon: '',
      carId: car.carId,
      exemptedInspectCityMaterialList: materialsFor(car.useFor, ctx.pictures),
      inspectionShopId: city.shop?.shopId,
      phone: owner?.phone ?? '',
      goodsCode: city.shop?.goodsCode,
      carRegisterCityName: city.name,
    };
  });

  registerRoute(ctx, { ...user, method: 'POST', path: '/inspection/v2/order/create' }, (request, owner) => {
    const body = jsonBody(request);
    const me = owner as InspectionUser;
    exemptedOnly(optInt(body.inspectType));
    const car = ownCar(ctx, optInt(body.carId), me);
    const { city, priceFen } = offerFor(ctx, car);
    if (optInt(body.inspectCityId) !== city.id) throw fail('1001', '请求参数错误：年检城市与车辆注册城市不符');
    if (optInt(body.shopId) !== city.shop?.shopId) throw fail('1001', '请求参数错误：检测站商家不存在');
    const contactPhone = checkPhone(text(body, 'contactPhone'));
    const carOwnerPhone = checkPhone(text(body, 'carOwnerPhone'));
    const address = {
      name: required(body, 'name', '姓名'),
      phone: checkPhone(text(body, 'phone')),
      province: required(body, 'province', '省份'),
      city: required(body, 'city', '城市'),
      county: text(body, 'county') ?? '',
      address: required(body, 'address', '详细地址'),
    };
    const price = optNumber(body.orderPrice);
    if (price === undefined || yuanToFen(price) !== priceFen) throw fail('1105');
    const open = [...ctx.state.inspectionOrders.values()].find(
      (o) => o.carId === car.carId && o.status !== 50 && o.status !== 60,
    );
    if (open) throw fail('1142', '操作失败：该车辆已有进行中的年检订单');
    const orderId = ctx.state.inspectionOrderIds.next();
    me.phone = contactPhone;
    ctx.inspection.open({
      orderId,
      token: me.token,
      carId: car.carId,
      plateNumber: car.carNum,
      city,
      status: 10,
      memberPriceFen: priceFen,
      paid: false,
      contactPhone,
      carOwnerPhone,
      userAddress: address,
      materials: materialsFor(car.useFor, ctx.pictures),
      sendEmsNumber: '',
      backEmsCompany: '',
      backEmsNumber: '',
    });
    return { orderId };
  });

  registerRoute(ctx, { ...user, method: 'GET', path: '/inspection/v2/order/detail' }, (request, owner) => {
    exemptedOnly(intParam(request, 'inspectType'));
    const order = ctx.inspection.find(intParam(request, 'orderId'));
    if (order.token !== owner?.token) throw fail('1102');
    const shop = order.city.shop;
    return {
      orderId: order.orderId,
      worderStatus: order.status,
      plateNumber: order.plateNumber,
      carBrandLogo: '',
      inspectionCityName: order.city.name,
      shopName: shop?.shopName ?? '',
      shopAddress: shop?.shopAddress ?? '',
      contactPhone: shop?.contactPhone ?? '',
      contactName: shop?.contactName ?? '',
      sendEmsNumber: order.sendEmsNumber,
      userAddress: order.userAddress,
      memberPrice: yuanNumber(order.memberPriceFen),
      bonuses: 0,
      // On credit the partner pays later, so the user paid nothing here.
      payPrice: order.paid && ctx.paymentMode === 'online' ? yuanNumber(order.memberPriceFen) : 0,
      backEmsCompany: order.backEmsCompany,
      backEmsNumber: order.backEmsNumber,
      needData: order.materials.map((m) => ({ text: m.text, address: m.address, message: m.message, pic: m.isPic })),
    };
  });
}

function exemptedOnly(inspectType: number | undefined): void {
  if (inspectType !== 1) throw fail('1001', '请求参数错误：inspectType仅支持1（免检）');
}

function ownCar(ctx: SimContext, carId: number | undefined, owner: InspectionUser): SimCar {
  const car = carId === undefined ? undefined : ctx.state.cars.get(carId);
  if (!car || car.ownerToken !== owner.token) throw fail('1001', '请求参数错误：车辆不存在');
  return car;
}

/**
 * 免检 by post is for cars of 5 seats or fewer, not run commercially, without a casualty
 * accident, first registered less than 6 years ago; others must book a station inspection.
 */
function offerFor(ctx: SimContext, car: SimCar): { city: AreaCity; priceFen: number } {
  const reasons: string[] = [];
  if (car.carSeats > 5) reasons.push('座位数超过5座');
  if (car.operationType === 1) reasons.push('营运车辆');
  if (car.isAccidentCar === 1) reasons.push('伤亡事故车');
  const registered = new Date(`${car.registerDate}T00:00:00+08:00`);
  registered.setFullYear(registered.getFullYear() + EXEMPTION_YEARS);
  if (registered.getTime() <= ctx.clock.now()) reasons.push(`注册已满${EXEMPTION_YEARS}年`);
  if (reasons.length) throw fail('1001', `该车辆不符合免检条件（${reasons.join('、')}），请预约到站上线检测`);
  const city = areaCityForPlate(car.carNum);
  if (!city?.shop) throw fail('1031', '该城市暂未开通年检代办');
  return { city, priceFen: city.shop.priceFen + (car.useFor === 1 ? COMPANY_SURCHARGE_FEN : 0) };
}

function vehicleOf(ctx: SimContext, body: Json, owner: InspectionUser): SimCar {
  const id = (name: string, label: string) => {
    const value = optInt(body[name]);
    if (value === undefined) throw fail('1001', `请求参数错误：${label}不能为空`);
    return value;
  };
  const choice = <T extends number>(name: string, label: string, allowed: T[], fallback?: T): T => {
    const value = body[name] === undefined || body[name] === null || body[name] === '' ? fallback : optInt(body[name]);
    if (value === undefined || !allowed.includes(value as T)) throw fail('1001', `请求参数错误：${label}取值错误`);
    return value as T;
  };
  const brand = findBrand(id('brandId', '品牌ID'));
  if (!brand) throw fail('1001', '请求参数错误：品牌不存在');
  const series = brand.series.find((s) => s.id === id('seriesId', '车系ID'));
  if (!series) throw fail('1001', '请求参数错误：车系与品牌不匹配');
  const modelId = id('modelId', '车型ID');
  if (!series.models.some(([model]) => model === modelId)) throw fail('1001', '请求参数错误：车型与车系不匹配');
  const carNum = required(body, 'carNum', '车牌号');
  if (!PLATE_PATTERN.test(carNum)) throw fail('1030');
  if (!areaCityForPlate(carNum)) throw fail('1031');
  const registerDate = required(body, 'registerDate', '注册时间');
  const day = new Date(`${registerDate}T00:00:00Z`);
  const real = !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === registerDate;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(registerDate) || !real || day.getTime() - 8 * 3_600_000 > ctx.clock.now()) {
    throw fail('1001', '请求参数错误：注册时间格式错误，例："2016-09-01"');
  }
  const carSeats = optInt(body.carSeats);
  if (carSeats === undefined || carSeats < 2 || carSeats > 50) throw fail('1001', '请求参数错误：座位数错误');
  const inspectionVehicleType = choice('inspectionVehicleType', '年检车辆类型', [1, 10]);
  if (carSeats <= 6 !== (inspectionVehicleType === 1)) {
    throw fail('1001', '请求参数错误：年检车辆类型与座位数不符（1：6座及以下，10：7座及以上）');
  }
  const carId = optInt(body.carId);
  const sameCar = [...ctx.state.cars.values()].find((c) => c.ownerToken === owner.token && c.carNum === carNum);
  if (carId !== undefined) {
    const existing = ctx.state.cars.get(carId);
    if (!existing || existing.ownerToken !== owner.token) throw fail('1001', '请求参数错误：车辆不存在');
  }
  return {
    // Binding a plate the user already has replaces that car rather than adding a twin.
    carId: carId ?? sameCar?.carId ?? ctx.state.carIds.next(),
    ownerToken: owner.token,
    brandId: brand.id,
    seriesId: series.id,
    modelId,
    carNum,
    registerDate,
    carSeats,
    useFor: choice('useFor', '用途', [0, 1]),
    inspectionVehicleType,
    operationType: choice('operationType', '是否运营车辆', [0, 1], 0),
    isAccidentCar: choice('isAccidentCar', '是否伤亡事故车', [0, 1], 0),
  };
}
