import { InitialSchema1763800000000 } from './1763800000000-initial-schema.js';

/** Every migration, in order. Both MySQL and SQLite run the same list at start-up. */
export const MIGRATIONS = [InitialSchema1763800000000];
