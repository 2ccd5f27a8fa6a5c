/**
 * The user's cars, as other services see them. The vehicles service owns the garage and provides
 * this; annual inspection (and any later service) depends only on this interface, never on the
 * vehicles module.
 */
export interface GarageCar {
  id: number;
  userId: number;
  plateNumber: string;
  /** Docloud car type: 01 large, 02 small, 51/52 new energy, 15 trailer. */
  carType: string;
}

export interface GarageReader {
  listCars(userId: number): Promise<GarageCar[]>;
  /** Undefined when the car does not exist or is not this user's. */
  getCar(userId: number, carId: number): Promise<GarageCar | undefined>;
}

export const GARAGE_READER = Symbol('GARAGE_READER');
