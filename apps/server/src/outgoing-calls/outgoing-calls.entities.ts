import { OutgoingCall } from './outgoing-call.entity.js';

/** The entities `outgoing-calls/` owns: its module registers them, the composition root hands them to the data source. */
export const OUTGOING_CALLS_ENTITIES = [OutgoingCall];
