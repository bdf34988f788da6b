import type { S3Route } from '../s3-context.js';

export const objectLockRoutes: readonly S3Route[] = [];
