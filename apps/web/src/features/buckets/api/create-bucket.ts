import { type CreateBucketInput, CreateBucketResponse } from '@batchops/contracts';
import { listBucketsQueryOptions } from '../../../components/s3-browser/api/list-buckets';
import { apiSend } from '../../../lib/api-client';
import { useRefetchingMutation } from '../../../lib/api-query';

export const useCreateBucket = () =>
  useRefetchingMutation(
    (req: CreateBucketInput) => apiSend('POST', '/api/buckets', CreateBucketResponse, req),
    listBucketsQueryOptions().queryKey,
  );
