import type { SimContext } from '../context.js';
import { AREA_CITIES, PROVINCES } from '../data/areas.js';
import { BRANDS, findBrand, findSeries } from '../data/catalogue-data.js';
import { intParam, registerRoute } from '../route-kit.js';

/** 《获取车辆品牌列表》 (twice), 《获取车辆车型列表》 and the three 《城市地区列表》 levels. */
export function registerBaseDataRoutes(ctx: SimContext): void {
  const bare = { method: 'GET' as const, shape: 'bare' as const, inspection: 'user' as const };

  // The document's second "品牌列表" is this path with brandId, answering the brand's series.
  registerRoute(ctx, { ...bare, path: '/basedata/brand/list' }, (request) => {
    if (request.query.has('brandId')) {
      const brand = findBrand(intParam(request, 'brandId'));
      return (brand?.series ?? []).map((s) => ({
        seriesId: s.id,
        seriesName: s.name,
        washCarType: null,
        createTime: '',
        mark: null,
        brandId: null,
        isValid: null,
        guidePriceLow: null,
        classify: null,
        washType: null,
      }));
    }
    return BRANDS.map((b) => ({
      brandId: b.id,
      brandName: b.name,
      alphaCode: b.alpha,
      mark: null,
      icon: '',
      createTime: '',
      isValid: null,
      isValidStr: null,
      autoHomeId: null,
    }));
  });

  // Model ids come as strings in the document's example, though its table says int.
  registerRoute(ctx, { ...bare, path: '/basedata/model/list' }, (request) =>
    (findSeries(intParam(request, 'seriesId'))?.series.models ?? []).map(([id, name, tire, price, back]) => ({
      modelId: String(id),
      modelName: name,
      tireStandard: tire,
      backTireStandard: back ?? tire,
      guidePrice: price,
    })),
  );

  const area = { method: 'GET' as const, inspection: 'user' as const };
  registerRoute(ctx, { ...area, path: '/area/province/list' }, () => PROVINCES.map(({ id, name }) => ({ id, name })));
  registerRoute(ctx, { ...area, path: '/area/city/list' }, (request) => {
    const provinceId = intParam(request, 'provinceId');
    return AREA_CITIES.filter((c) => c.provinceId === provinceId).map(({ id, name }) => ({ id, name, provinceId }));
  });
  registerRoute(ctx, { ...area, path: '/area/district/list' }, (request) => {
    const cityId = intParam(request, 'cityId');
    const city = AREA_CITIES.find((c) => c.id === cityId);
    return (city?.districts ?? []).map(([id, name]) => ({ id, name, cityId }));
  });
}
