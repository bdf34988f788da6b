import { StorageClass } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3_STORAGE_CLASSES, WRITABLE_STORAGE_CLASSES } from './storage-classes.js';

describe('S3_STORAGE_CLASSES', () => {
  it("is the SDK's StorageClass enum, and the writable classes are among them", () => {
    expect([...S3_STORAGE_CLASSES].sort()).toEqual(Object.values(StorageClass).sort());
    for (const c of WRITABLE_STORAGE_CLASSES) expect(S3_STORAGE_CLASSES).toContain(c);
  });
});
