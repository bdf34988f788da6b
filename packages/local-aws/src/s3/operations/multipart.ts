import type { S3Route } from '../s3-context.js';

export const multipartRoutes: readonly S3Route[] = [];
