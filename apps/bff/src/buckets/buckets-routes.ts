import { pipeline } from 'node:stream/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import {
  BrowseObjectsQuery,
  BucketParams,
  CreateBucketRequest,
  HeadObjectQuery,
  ListObjectsQuery,
  MAX_UPLOAD_BYTES,
  PutBucketVersioningRequest,
  ReplicationStatusesRequest,
  UploadObjectRequest,
} from '@batchops/contracts';
import express, { Router } from 'express';
import {
  browseObjects,
  createBucket,
  getObjectForDownload,
  getVersioning,
  headObject,
  listBuckets,
  listObjects,
  putVersioning,
  replicationStatuses,
  uploadObject,
} from './buckets-service.js';

/** An upload's JSON: the file as base64 (4/3 of its size) and a little room for the other fields. */
export const UPLOAD_BODY_LIMIT = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 64 * 1024;

/**
 * The upload route's own JSON parser, mounted before the API's 1 MB one (which then sees a parsed
 * body and passes): same-origin and JSON-only guards still run first, so an upload is no form post.
 */
export const uploadBodyParser: express.RequestHandler = (req, res, next) => {
  if (req.method === 'POST' && /^\/[^/]+\/upload$/.test(req.path))
    return express.json({ limit: UPLOAD_BODY_LIMIT })(req, res, next);
  next();
};

export function bucketsRoutes(s3: S3Client, region: string): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await listBuckets(s3));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await createBucket(s3, region, CreateBucketRequest.parse(req.body ?? {})));
  });
  router.get('/:bucket/objects', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    res.json(await listObjects(s3, bucket, ListObjectsQuery.parse(req.query)));
  });
  router.get('/:bucket/browse', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    res.json(await browseObjects(s3, bucket, BrowseObjectsQuery.parse(req.query)));
  });
  // A read with a body (up to 100 keys do not fit a URL): POST, but it changes nothing.
  router.post('/:bucket/replication-statuses', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    res.json(await replicationStatuses(s3, bucket, ReplicationStatusesRequest.parse(req.body ?? {})));
  });
  router.post('/:bucket/upload', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    res.status(201).json(await uploadObject(s3, bucket, UploadObjectRequest.parse(req.body ?? {})));
  });
  router.get('/:bucket/versioning', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    res.json(await getVersioning(s3, bucket));
  });
  router.put('/:bucket/versioning', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    const { status } = PutBucketVersioningRequest.parse(req.body ?? {});
    res.json(await putVersioning(s3, bucket, status));
  });
  router.get('/:bucket/object', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    const { key, versionId } = HeadObjectQuery.parse(req.query);
    res.json(await headObject(s3, bucket, key, versionId));
  });
  // Served as an attachment of no particular type: the browser saves it and never renders it.
  router.get('/:bucket/object/download', async (req, res) => {
    const { bucket } = BucketParams.parse(req.params);
    const { key, versionId } = HeadObjectQuery.parse(req.query);
    const object = await getObjectForDownload(s3, bucket, key, versionId);
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(object.fileName)}`,
    );
    if (object.length !== undefined) res.setHeader('Content-Length', String(object.length));
    await pipeline(object.body, res);
  });
  return router;
}
