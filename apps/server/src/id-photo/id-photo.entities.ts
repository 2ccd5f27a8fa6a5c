import { IdPhotoOrder } from './entities/id-photo-order.entity.js';
import { IdPhotoSession } from './entities/photo-session.entity.js';
import { ZjzSubmission } from './entities/zjz-submission.entity.js';

/** The entities `id-photo/` owns: its module registers them, the composition root hands them to the data source. */
export const ID_PHOTO_ENTITIES = [IdPhotoOrder, IdPhotoSession, ZjzSubmission];
