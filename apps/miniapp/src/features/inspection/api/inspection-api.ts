import { request } from '../../../shared/api/request';
import type {
  CreateOrderInput,
  ExemptionDto,
  ExemptionFacts,
  InspectionCarDto,
  InspectionCarListDto,
  InspectionOrderDto,
  InspectionOrderPageDto,
  AreaDto,
  BrandDto,
  ModelDto,
  NamedOption,
  SeriesDto,
  PreOrderDto,
  SaveCarInput,
} from './types';

const BASE = '/api/inspection';

export function listInspectionCars(): Promise<InspectionCarListDto> {
  // The page shows the "no garage yet" answer itself, with a way out.
  return request<InspectionCarListDto>({ path: `${BASE}/cars`, silent: true });
}

export function getInspectionCar(garageCarId: number): Promise<InspectionCarDto> {
  return request<InspectionCarDto>({ path: `${BASE}/cars/${garageCarId}` });
}

export function saveInspectionCar(garageCarId: number, input: SaveCarInput): Promise<InspectionCarDto> {
  return request<InspectionCarDto>({ method: 'PUT', path: `${BASE}/cars/${garageCarId}`, data: input, silent: true });
}

export function checkExemption(facts: ExemptionFacts): Promise<ExemptionDto> {
  return request<ExemptionDto>({ method: 'POST', path: `${BASE}/exemption-check`, data: facts, silent: true });
}

export function getPreOrder(garageCarId: number): Promise<PreOrderDto> {
  return request<PreOrderDto>({ path: `${BASE}/cars/${garageCarId}/pre-order`, silent: true });
}

export function listBrands(): Promise<NamedOption[]> {
  return request<BrandDto[]>({ path: `${BASE}/brands`, silent: true });
}

export function listSeries(brandId: number): Promise<NamedOption[]> {
  return request<SeriesDto[]>({ path: `${BASE}/brands/${brandId}/series`, silent: true });
}

export function listModels(seriesId: number): Promise<NamedOption[]> {
  return request<ModelDto[]>({ path: `${BASE}/series/${seriesId}/models`, silent: true });
}

export function listProvinces(): Promise<NamedOption[]> {
  return request<AreaDto[]>({ path: `${BASE}/areas/provinces`, silent: true });
}

export function listCities(provinceId: number): Promise<NamedOption[]> {
  return request<AreaDto[]>({ path: `${BASE}/areas/provinces/${provinceId}/cities`, silent: true });
}

export function listDistricts(cityId: number): Promise<NamedOption[]> {
  return request<AreaDto[]>({ path: `${BASE}/areas/cities/${cityId}/districts`, silent: true });
}

export function createInspectionOrder(input: CreateOrderInput): Promise<InspectionOrderDto> {
  return request<InspectionOrderDto>({ method: 'POST', path: `${BASE}/orders`, data: input, silent: true });
}

export function listInspectionOrders(cursor: string | null): Promise<InspectionOrderPageDto> {
  return request<InspectionOrderPageDto>({ path: `${BASE}/orders`, query: { cursor, limit: 20 } });
}

export function getInspectionOrder(id: number): Promise<InspectionOrderDto> {
  return request<InspectionOrderDto>({ path: `${BASE}/orders/${id}` });
}

export function refreshInspectionOrder(id: number): Promise<InspectionOrderDto> {
  return request<InspectionOrderDto>({ method: 'POST', path: `${BASE}/orders/${id}/refresh` });
}
