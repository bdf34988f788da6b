import type { S3Route } from '../s3-context.js';

export const bucketConfigRoutes: readonly S3Route[] = [];
