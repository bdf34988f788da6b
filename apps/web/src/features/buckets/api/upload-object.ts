import { MAX_UPLOAD_BYTES, UploadObjectResponse } from '@batchops/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { bucketsKeys } from './buckets-keys';

/** The file's bytes as base64 (the BFF takes uploads as JSON, like every other change). */
async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function uploadObject(bucket: string, key: string, file: File): Promise<UploadObjectResponse> {
  if (file.size > MAX_UPLOAD_BYTES)
    throw new Error(
      `${file.name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the console's upload limit.`,
    );
  return apiSend('POST', `/api/buckets/${encodeURIComponent(bucket)}/upload`, UploadObjectResponse, {
    key,
    contentType: file.type || undefined,
    contentBase64: await toBase64(file),
  });
}

export function useUploadObjects(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // One file after the other: a few small files, and the first failure stops the rest.
    mutationFn: async ({ prefix, files }: { prefix: string; files: readonly File[] }) => {
      const done: UploadObjectResponse[] = [];
      for (const file of files) done.push(await uploadObject(bucket, `${prefix}${file.name}`, file));
      return done;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: bucketsKeys.bucket(bucket) }),
  });
}
