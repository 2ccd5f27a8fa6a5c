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

/** A car's untreated violations as last queried (no new, paid query is made to read them). */
export interface ViolationStanding {
  untreated: number;
  totalFineFen: number;
  totalPoints: number;
  /** When the violations were last asked of the vendor; null when never. */
  queriedAt: string | null;
}

export interface GarageReader {
  listCars(userId: number): Promise<GarageCar[]>;
  /** Undefined when the car does not exist or is not this user's. */
  getCar(userId: number, carId: number): Promise<GarageCar | undefined>;
  /** Undefined when the car does not exist or is not this user's. */
  violationStanding(userId: number, carId: number): Promise<ViolationStanding | undefined>;
}

export const GARAGE_READER = Symbol('GARAGE_READER');
