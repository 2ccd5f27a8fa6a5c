export * from './types.js';
export * from './client.js';
export * from './push.js';
export * from './push-signing.js';
export * from './subscribe-values.js';
