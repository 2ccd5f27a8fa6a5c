export * from './simulator-host.js';
export * from './callback-sender.js';
export * from './running-simulator.js';
