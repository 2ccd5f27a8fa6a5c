export * from './zhima-simulator.js';
export * from './sandbox-identities.js';
export type { CertifyRequest, FaceSummary } from './certify-request.js';
export type { GatewayAnswer } from './gateway-answers.js';
