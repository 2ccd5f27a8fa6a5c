export * from './types.js';
export * from './client.js';
export * from './simulator/wechat-simulator.js';
