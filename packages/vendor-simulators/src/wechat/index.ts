export * from './wechat-simulator.js';
