export * from './types.js';
export * from './errors.js';
export * from './signing.js';
export * from './wire.js';
export * from './catalogue.js';
export * from './param-check.js';
export * from './client.js';
export * from './callback.js';
export * from './simulator/codes.js';
export * from './simulator/scenario.js';
export {
  ZJZ_PIC_TTL_MS,
  ZJZ_SIM_PENDING,
  type ZjzSimOrderView,
  type ZjzSimStats,
  type ZjzSimStatus,
} from './simulator/state.js';
export { encodeCallback, type ZjzCallbackFields } from './simulator/notifier.js';
export { toWireItem, toWireItemDetail } from './simulator/routes.js';
export { ZJZ_MAX_IMAGE_SIDE } from './simulator/photo.js';
export * from './simulator/zjz-simulator.js';
export * from './status-order.js';
