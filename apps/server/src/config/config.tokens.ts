/** Injection token of the validated `AppConfig`. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** Injection token of the resolved `Secrets` (JWT secret, PII master key). */
export const SECRETS = Symbol('SECRETS');
