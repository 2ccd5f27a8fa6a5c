export * from './codes.js';
export * from './scenario.js';
export { ZJZ_SIM_PENDING } from './state.js';
export type { ZjzSimOrderView, ZjzSimStats, ZjzSimStatus } from './types.js';
export { toWireItem, toWireItemDetail } from './routes/item-routes.js';
export * from './zjz-simulator.js';
