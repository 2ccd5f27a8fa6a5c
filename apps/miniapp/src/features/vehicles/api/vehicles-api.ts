import { request, type RequestOptions } from '../../../shared/api/request';
import type {
  AddCarInput,
  CarDto,
  CitiesDto,
  DeductSelfResultDto,
  GarageDto,
  ManualQuoteInput,
  QuoteDto,
  TravelLicenseStatusDto,
  UpdateCarInput,
  VehicleOrderDto,
  ViolationListDto,
} from './types';

type Extra = Pick<RequestOptions, 'silent'>;

export const vehiclesApi = {
  cities: () => request<CitiesDto>({ path: '/api/vehicles/cities' }),
  garage: () => request<GarageDto>({ path: '/api/vehicles/cars' }),
  car: (id: number) => request<CarDto>({ path: `/api/vehicles/cars/${id}` }),
  addCar: (input: AddCarInput, extra: Extra = {}) =>
    request<CarDto>({ method: 'POST', path: '/api/vehicles/cars', data: input, ...extra }),
  updateCar: (id: number, input: UpdateCarInput, extra: Extra = {}) =>
    request<CarDto>({ method: 'PATCH', path: `/api/vehicles/cars/${id}`, data: input, ...extra }),
  removeCar: (id: number) => request<void>({ method: 'DELETE', path: `/api/vehicles/cars/${id}` }),
  setMonitor: (id: number, enabled: boolean) =>
    request<CarDto>({ method: 'PUT', path: `/api/vehicles/cars/${id}/monitor`, data: { enabled } }),
  refreshCounts: (id: number) =>
    request<CarDto>({ method: 'POST', path: `/api/vehicles/cars/${id}/counts`, silent: true }),
  storedViolations: (carId: number) => request<ViolationListDto>({ path: `/api/vehicles/cars/${carId}/violations` }),
  queryViolations: (carId: number, extra: Extra = {}) =>
    request<ViolationListDto>({ method: 'POST', path: `/api/vehicles/cars/${carId}/violations/query`, ...extra }),
  quote: (carId: number, codes: string[]) =>
    request<QuoteDto>({ method: 'POST', path: `/api/vehicles/cars/${carId}/quote`, data: { codes } }),
  /** 直通车: prices violations typed in from a ticket; they join the car's list. */
  manualQuote: (carId: number, input: ManualQuoteInput) =>
    request<ViolationListDto>({
      method: 'POST',
      path: `/api/vehicles/cars/${carId}/manual-quote`,
      data: input,
      silent: true,
    }),
  deductSelf: (carId: number, input: { driveNum: string; fileNum: string }, extra: Extra = {}) =>
    request<DeductSelfResultDto>({
      method: 'POST',
      path: `/api/vehicles/cars/${carId}/deduct-self`,
      data: input,
      ...extra,
    }),
  licenseStatus: (carId: number) =>
    request<TravelLicenseStatusDto>({ path: `/api/vehicles/cars/${carId}/travel-license` }),
  /** The key makes a retried submit the same order: send the same one until an answer arrives. */
  createOrder: (
    input: { carId: number; codes: string[]; expectedTotalFen: number; amountFen?: number; phone?: string },
    idempotencyKey: string,
  ) =>
    request<VehicleOrderDto>({
      method: 'POST',
      path: '/api/vehicles/orders',
      data: { ...input, idempotencyKey },
      silent: true,
    }),
  order: (id: number, extra: Extra = {}) => request<VehicleOrderDto>({ path: `/api/vehicles/orders/${id}`, ...extra }),
  refreshOrder: (id: number) =>
    request<VehicleOrderDto>({ method: 'POST', path: `/api/vehicles/orders/${id}/refresh` }),
};
