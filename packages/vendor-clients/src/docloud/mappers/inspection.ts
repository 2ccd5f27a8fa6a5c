import { asArray, asObject, compact, fen, flag, id, int, oneOf, optFen, optNumber, optText, text } from '../parse.js';
import type {
  InspectionBrand,
  InspectionCity,
  InspectionDistrict,
  InspectionMaterial,
  InspectionModel,
  InspectionOrderDetail,
  InspectionOrderStatus,
  InspectionPreOrder,
  InspectionProvince,
  InspectionSeries,
} from '../types/inspection.js';

const WORDER: readonly InspectionOrderStatus[] = [10, 15, 20, 25, 30, 35, 50, 60];

export function toBrands(data: unknown): InspectionBrand[] {
  return asArray(data, 'brands').map((entry) => {
    const b = asObject(entry, 'brand');
    return compact({
      brandId: int(b.brandId, 'brandId'),
      brandName: text(b.brandName, 'brandName'),
      alphaCode: optText(b.alphaCode) ?? '',
      icon: optText(b.icon) || undefined,
    });
  });
}

export function toSeries(data: unknown): InspectionSeries[] {
  return asArray(data, 'series').map((entry) => {
    const s = asObject(entry, 'series');
    return { seriesId: int(s.seriesId, 'seriesId'), seriesName: text(s.seriesName, 'seriesName') };
  });
}

export function toModels(data: unknown): InspectionModel[] {
  return asArray(data, 'models').map((entry) => {
    const m = asObject(entry, 'model');
    return compact({
      modelId: int(m.modelId, 'modelId'),
      modelName: text(m.modelName, 'modelName'),
      tireStandard: optText(m.tireStandard) || undefined,
      backTireStandard: optText(m.backTireStandard) || undefined,
      guidePriceWan: optNumber(m.guidePrice),
    });
  });
}

export function toProvinces(data: unknown): InspectionProvince[] {
  return asArray(data, 'provinces').map((entry) => {
    const p = asObject(entry, 'province');
    return { id: int(p.id, 'id'), name: text(p.name, 'name') };
  });
}

export function toCities(data: unknown): InspectionCity[] {
  return asArray(data, 'cities').map((entry) => {
    const c = asObject(entry, 'city');
    return { id: int(c.id, 'id'), name: text(c.name, 'name'), provinceId: int(c.provinceId, 'provinceId') };
  });
}

export function toDistricts(data: unknown): InspectionDistrict[] {
  return asArray(data, 'districts').map((entry) => {
    const d = asObject(entry, 'district');
    return { id: int(d.id, 'id'), name: text(d.name, 'name'), cityId: int(d.cityId, 'cityId') };
  });
}

/** The pre-order names the picture flag `isPic`, the order detail `pic`: accept both. */
export function toMaterial(value: unknown): InspectionMaterial {
  const m = asObject(value, 'material');
  return {
    text: text(m.text, 'material text'),
    message: asArray(m.message, 'material message').map((line) => text(line, 'message line')),
    isPic: flag(m.isPic ?? m.pic),
    address: optText(m.address) ?? '',
  };
}

export function toCarId(data: unknown): string {
  return id(asObject(data, 'data').carId, 'carId');
}

export function toPreOrder(data: unknown): InspectionPreOrder {
  const d = asObject(data, 'data');
  return compact({
    carId: id(d.carId, 'carId'),
    carNum: text(d.carNum, 'carNum'),
    carRegisterCityId: int(d.carRegisterCityId, 'carRegisterCityId'),
    carRegisterCityName: text(d.carRegisterCityName, 'carRegisterCityName'),
    inspectionCityId: int(d.inspectionCityId, 'inspectionCityId'),
    inspectionCityName: text(d.inspectionCityName, 'inspectionCityName'),
    inspectionShopId: int(d.inspectionShopId, 'inspectionShopId'),
    totalPriceFen: fen(d.totalPrice, 'totalPrice'),
    brandIcon: optText(d.brandIcon) || undefined,
    phone: optText(d.phone) || undefined,
    goodsCode: optText(d.goodsCode) || undefined,
    materials: asArray(d.exemptedInspectCityMaterialList, 'exemptedInspectCityMaterialList').map(toMaterial),
  });
}

export function toInspectionOrder(data: unknown): InspectionOrderDetail {
  const d = asObject(data, 'data');
  const address =
    d.userAddress === undefined || d.userAddress === null ? undefined : asObject(d.userAddress, 'userAddress');
  return compact({
    orderId: id(d.orderId, 'orderId'),
    worderStatus: oneOf(d.worderStatus, WORDER, 'worderStatus'),
    plateNumber: text(d.plateNumber, 'plateNumber').trim(),
    carBrandLogo: optText(d.carBrandLogo) || undefined,
    inspectionCityName: optText(d.inspectionCityName) || undefined,
    shopName: optText(d.shopName) || undefined,
    shopAddress: optText(d.shopAddress) || undefined,
    contactPhone: optText(d.contactPhone) || undefined,
    contactName: optText(d.contactName) || undefined,
    sendEmsNumber: optText(d.sendEmsNumber) || undefined,
    userAddress: address
      ? compact({
          name: optText(address.name) ?? '',
          phone: optText(address.phone) ?? '',
          province: optText(address.province) ?? '',
          city: optText(address.city) ?? '',
          county: optText(address.county) || undefined,
          address: optText(address.address) ?? '',
        })
      : undefined,
    memberPriceFen: optFen(d.memberPrice) ?? 0,
    bonusesFen: optFen(d.bonuses) ?? 0,
    payPriceFen: optFen(d.payPrice) ?? 0,
    backEmsCompany: optText(d.backEmsCompany) || undefined,
    backEmsNumber: optText(d.backEmsNumber) || undefined,
    materials: asArray(d.needData ?? d.exemptedInspectCityMaterialList, 'needData').map(toMaterial),
  });
}
