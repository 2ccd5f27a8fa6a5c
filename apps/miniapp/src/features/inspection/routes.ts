/** Pages of the inspection subpackage, and the one page of another service it sends the user to. */
export const INSPECTION_ROUTES = {
  home: '/inspection/pages/index/index',
  car: (garageCarId: number) => `/inspection/pages/car/index?carId=${garageCarId}`,
  materials: (garageCarId: number) => `/inspection/pages/materials/index?carId=${garageCarId}`,
  address: (garageCarId: number) => `/inspection/pages/address/index?carId=${garageCarId}`,
  confirm: (garageCarId: number) => `/inspection/pages/confirm/index?carId=${garageCarId}`,
  order: (orderId: number) => `/inspection/pages/order/index?id=${orderId}`,
  /** The garage's "add a car" page (vehicles subpackage): features never import each other, pages may link. */
  addCar: '/vehicles/pages/car-form/index',
  /** The car's violations in the vehicles subpackage, to query or pay them before an inspection. */
  violations: (garageCarId: number) => `/vehicles/pages/violations/index?carId=${garageCarId}`,
} as const;
