import { MediaCheck } from './media-check.entity.js';

/** The entities `content-safety/` owns: its module registers them, the composition root hands them to the data source. */
export const CONTENT_SAFETY_ENTITIES = [MediaCheck];
