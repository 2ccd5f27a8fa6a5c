import type { Type } from '@nestjs/common';

/** The service modules (one per errand). Each service issue adds its module here. */
export const SERVICE_MODULES: Type[] = [];
