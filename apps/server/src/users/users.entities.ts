import { User } from './user.entity.js';

/** The entities `users/` owns: its module registers them, the composition root hands them to the data source. */
export const USERS_ENTITIES = [User];
