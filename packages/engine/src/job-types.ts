import type { CreateJobRequest, JobDescriptor, JobListDescriptor, S3Tag } from '@aws-sdk/client-s3-control';

// Job shapes are the S3 Control model's own (through the SDK's generated types): the wire layer
// parses XML into them and renders them back, the engine stores and runs them.

/** A CreateJob request without the account (the account comes from the signed request). */
export type CreateJobInput = Omit<CreateJobRequest, 'AccountId'>;
export type { JobDescriptor, JobListDescriptor, S3Tag };

/** The modeled S3 Control job exceptions the engine raises; the wire layer maps them to HTTP. */
export type JobErrorCode =
  | 'BadRequestException'
  | 'IdempotencyException'
  | 'JobStatusException'
  | 'NotFoundException'
  | 'TooManyTagsException'
  | 'InvalidRequestException'
  | 'InvalidNextTokenException';

export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}
