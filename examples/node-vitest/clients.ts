import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';

// local-aws's default key (test/test) is the root of account 000000000000.
export const ACCOUNT_ID = '000000000000';
const region = 'us-east-1';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export function clientsFor(url: string) {
  return {
    s3: new S3Client({ region, endpoint: url, forcePathStyle: true, credentials }),
    iam: new IAMClient({ region, endpoint: url, credentials }),
    // S3 Control puts the account ID in front of the host (000000000000.127.0.0.1): name the URL itself.
    s3control: new S3ControlClient({
      region,
      credentials,
      endpointProvider: () => ({ url: new URL(`${url}/`) }),
    }),
  };
}
