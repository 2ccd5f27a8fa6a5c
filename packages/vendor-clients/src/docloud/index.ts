export * from './signing.js';
export * from './errors.js';
export * from './length-rule.js';
export * from './types/violations.js';
export * from './types/monitor.js';
export * from './types/inspection.js';
export * from './types/callbacks.js';
export * from './client-base.js';
export * from './violations-client.js';
export * from './monitor-client.js';
export * from './inspection-client.js';
export * from './client.js';
export * from './callbacks.js';
/** The field readers of the answers and callbacks, for the simulator that writes them. */
export * as docloudFields from './parse.js';
export * from './status-order.js';
