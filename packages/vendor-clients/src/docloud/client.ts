import { DocloudInspectionClient } from './inspection-client.js';

/**
 * The Docloud (懂云) open API: violations, violation counts, monitoring and annual inspection,
 * each call signed by 《签名规则》. One flat client, built from the per-area classes.
 */
export class DocloudClient extends DocloudInspectionClient {}
