import type { S3Client } from '@aws-sdk/client-s3';
import { BucketParams, HeadObjectQuery, ListObjectsQuery } from '@batchops/contracts';
import { Router } from 'express';
import { headObject, listBuckets, listObjects } from './buckets-service.js';

export function bucketsRoutes(s3: S3Client): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await listBuckets(s3));
  });
  router.get('/:bucket/objects', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    res.json(await listObjects(s3, bucket, ListObjectsQuery.parse(req.query)));
  });
  router.get('/:bucket/object', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    const { key, versionId } = HeadObjectQuery.parse(req.query);
    res.json(await headObject(s3, bucket, key, versionId));
  });
  return router;
}
