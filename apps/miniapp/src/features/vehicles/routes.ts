/** Pages of the vehicles subpackage. */
export const VEHICLE_ROUTES = {
  garage: '/vehicles/pages/garage/index',
  addCar: '/vehicles/pages/car-form/index',
  editCar: (id: number) => `/vehicles/pages/car-form/index?id=${id}`,
  violations: (carId: number) => `/vehicles/pages/violations/index?carId=${carId}`,
  confirm: (carId: number, codes: string[]) =>
    `/vehicles/pages/confirm/index?carId=${carId}&codes=${encodeURIComponent(codes.join(','))}`,
  order: (id: number) => `/vehicles/pages/order/index?id=${id}`,
  license: (carId: number) => `/vehicles/pages/license/index?carId=${carId}`,
  ticket: (carId: number) => `/vehicles/pages/ticket/index?carId=${carId}`,
} as const;

/** Event the ticket page sends when its violations were priced: (carId, codes) — the list reloads with them chosen. */
export const TICKET_QUOTED = 'vehicles:ticket-quoted';
