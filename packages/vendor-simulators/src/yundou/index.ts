export * from './yundou-simulator.js';
export * from './messages.js';
export * from './generated-bill.js';
export * from './sample-bills.js';
export * from './bill-generator.js';
export * from './recognition.js';
export * from './vendor-data.js';
export * from './callbacks.js';
