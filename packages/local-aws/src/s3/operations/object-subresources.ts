import type { S3Route } from '../s3-context.js';

export const objectSubresourceRoutes: readonly S3Route[] = [];
