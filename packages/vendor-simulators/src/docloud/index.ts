export * from './docloud-simulator.js';
export type { DocloudTimings } from './types.js';
export type { DocloudOrderOutcome } from './order-desk.js';
export type { NewViolation, SimViolationView } from './knobs.js';
export type { SimOrder } from './state.js';
export { OPEN_CITIES, type SimCity } from './data/cities.js';
