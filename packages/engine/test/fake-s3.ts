import type { S3Client } from '@aws-sdk/client-s3';

// An in-memory S3 for the engine's unit tests: the calls the engine makes (GetBucketLocation, HeadObject,
// GetObject, PutObject, Put/DeleteObjectTagging), answered as the SDK would, errors included.

interface StoredObject {
  body: Uint8Array;
  etag: string;
  tags: Array<{ Key?: string; Value?: string }>;
}

export class FakeS3 {
  readonly buckets = new Map<string, Map<string, StoredObject>>();
  /** Every command sent, by name (e.g. `PutObjectTaggingCommand`). */
  readonly calls: string[] = [];

  bucket(name: string): this {
    if (!this.buckets.has(name)) this.buckets.set(name, new Map());
    return this;
  }

  put(bucket: string, key: string, body: string): string {
    const etag = `etag-${bucket}-${key}-${body.length}`;
    this.bucket(bucket)
      .buckets.get(bucket)
      ?.set(key, { body: new TextEncoder().encode(body), etag, tags: [] });
    return etag;
  }

  text(bucket: string, key: string): string | undefined {
    const o = this.buckets.get(bucket)?.get(key);
    return o && new TextDecoder().decode(o.body);
  }

  count(command: string): number {
    return this.calls.filter((c) => c === command).length;
  }

  get client(): S3Client {
    return { send: (command: object) => this.send(command) } as unknown as S3Client;
  }

  private async send(command: object): Promise<unknown> {
    const name = command.constructor.name;
    this.calls.push(name);
    const input = (command as { input: Record<string, unknown> }).input;
    const bucket = input.Bucket as string;
    const objects = this.buckets.get(bucket);
    if (name === 'HeadBucketCommand') {
      if (!objects) throw sdkError('NotFound', 404, 'Not Found');
      return {};
    }
    if (name === 'GetBucketLocationCommand') {
      if (!objects) throw sdkError('NoSuchBucket', 404, 'The specified bucket does not exist');
      return {};
    }
    if (!objects) throw sdkError('NoSuchBucket', 404, 'The specified bucket does not exist');
    const key = input.Key as string;
    const object = objects.get(key);
    switch (name) {
      case 'PutObjectCommand': {
        const body = await bytesOf(input.Body);
        const etag = `etag-${body.length}`;
        objects.set(key, { body, etag, tags: [] });
        return { ETag: `"${etag}"` };
      }
      case 'HeadObjectCommand':
        if (!object) throw sdkError('NotFound', 404, 'Not Found');
        return { ETag: `"${object.etag}"`, ContentLength: object.body.length };
      case 'GetObjectCommand': {
        if (!object) throw sdkError('NoSuchKey', 404, 'The specified key does not exist.');
        if (input.IfMatch && input.IfMatch !== `"${object.etag}"`) {
          throw sdkError(
            'PreconditionFailed',
            412,
            'At least one of the pre-conditions you specified did not hold',
          );
        }
        const body = object.body;
        return {
          Body: (async function* () {
            yield body;
          })(),
        };
      }
      case 'PutObjectTaggingCommand':
      case 'DeleteObjectTaggingCommand':
        if (!object) throw sdkError('NoSuchKey', 404, 'The specified key does not exist.');
        object.tags =
          name === 'PutObjectTaggingCommand' ? ((input.Tagging as { TagSet: [] }).TagSet ?? []) : [];
        return {};
      default:
        throw new Error(`FakeS3: ${name} is not faked`);
    }
  }
}

function sdkError(name: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  const parts: Uint8Array[] = [];
  for await (const c of body as AsyncIterable<Uint8Array>) parts.push(c);
  return Buffer.concat(parts);
}
