import { Readable } from 'node:stream';
import {
  DescribeJobCommand,
  GetJobTaggingCommand,
  ListJobsCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../errors/service-error.js';
import { parseXml } from '../../xml/xml-reader.js';
import { renderXml } from '../../xml/xml-writer.js';
import { decodeRequest, decodeShape } from './shape-decoder.js';
import { encodeResult, encodeShape } from './shape-encoder.js';
import { jobShapeModel } from './shape-model.js';

type Obj = Record<string, unknown>;

const decodeCreateJob = (body: string) =>
  decodeShape<Obj>('CreateJobRequest', parseXml(body, 'CreateJobRequest'));

/** The ServiceError a decode throws (the test fails if it does not throw one). */
function decodeError(body: string, root = 'CreateJobRequest'): ServiceError {
  try {
    decodeShape(root, parseXml(body, root));
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error('expected a BadRequestException');
}

// wire-notes.md §2: the JS SDK (3.1112.0) CreateJob body, byte for byte.
const JS_CREATE_JOB =
  '<?xml version="1.0" encoding="UTF-8"?><CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Operation><S3PutObjectTagging><TagSet><member><Key>env</Key><Value>prod</Value></member><member><Key>team</Key><Value>x</Value></member></TagSet></S3PutObjectTagging></Operation><Report><Enabled>true</Enabled><Bucket>arn:aws:s3:::report-bucket</Bucket><Format>Report_CSV_20180820</Format><Prefix>reports</Prefix><ReportScope>AllTasks</ReportScope></Report><Priority>10</Priority><RoleArn>arn:aws:iam::123456789012:role/batch-role</RoleArn><ConfirmationRequired>true</ConfirmationRequired><ClientRequestToken>token-123</ClientRequestToken><Manifest><Spec><Format>S3BatchOperations_CSV_20180820</Format><Fields><member>Bucket</member><member>Key</member></Fields></Spec><Location><ObjectArn>arn:aws:s3:::manifest-bucket/manifest.csv</ObjectArn><ETag>60e460c9d1046e73f7dde5043ac3ae85</ETag><ObjectVersionId>v1</ObjectVersionId></Location></Manifest><Description>tag all the things</Description><Tags><member><Key>jobtag</Key><Value>jv</Value></member></Tags></CreateJobRequest>';

// wire-notes.md §2: awscli 2.9.19 for the same inputs (its "…same…" Manifest filled in from the JS body).
const CLI_CREATE_JOB =
  '<CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><ConfirmationRequired>true</ConfirmationRequired><Operation><S3PutObjectTagging><TagSet><member><Key>env</Key><Value>prod</Value></member><member><Key>team</Key><Value>x</Value></member></TagSet></S3PutObjectTagging></Operation><Report><Bucket>arn:aws:s3:::report-bucket</Bucket><Format>Report_CSV_20180820</Format><Enabled>true</Enabled><Prefix>reports</Prefix><ReportScope>AllTasks</ReportScope></Report><ClientRequestToken>token-123</ClientRequestToken><Manifest><Spec><Format>S3BatchOperations_CSV_20180820</Format><Fields><member>Bucket</member><member>Key</member></Fields></Spec><Location><ObjectArn>arn:aws:s3:::manifest-bucket/manifest.csv</ObjectArn><ETag>60e460c9d1046e73f7dde5043ac3ae85</ETag><ObjectVersionId>v1</ObjectVersionId></Location></Manifest><Description>tag all the things</Description><Priority>10</Priority><RoleArn>arn:aws:iam::123456789012:role/batch-role</RoleArn><Tags><member><Key>jobtag</Key><Value>jv</Value></member></Tags></CreateJobRequest>';

// wire-notes.md §2: JS SDK, ManifestGenerator + S3ReplicateObject.
const JS_GENERATOR_JOB =
  '<?xml version="1.0" encoding="UTF-8"?><CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Operation><S3ReplicateObject/></Operation><Report><Enabled>true</Enabled><Bucket>arn:aws:s3:::report-bucket</Bucket><Format>Report_CSV_20180820</Format><Prefix>rep</Prefix><ReportScope>FailedTasksOnly</ReportScope><ExpectedBucketOwner>123456789012</ExpectedBucketOwner></Report><Priority>5</Priority><RoleArn>arn:aws:iam::123456789012:role/batch-role</RoleArn><ConfirmationRequired>false</ConfirmationRequired><ClientRequestToken>token-456</ClientRequestToken><ManifestGenerator><S3JobManifestGenerator><SourceBucket>arn:aws:s3:::source-bucket</SourceBucket><EnableManifestOutput>true</EnableManifestOutput><ExpectedBucketOwner>123456789012</ExpectedBucketOwner><ManifestOutputLocation><Bucket>arn:aws:s3:::manifest-out</Bucket><ManifestFormat>S3InventoryReport_CSV_20211130</ManifestFormat><ExpectedManifestBucketOwner>123456789012</ExpectedManifestBucketOwner><ManifestPrefix>gen</ManifestPrefix><ManifestEncryption><SSE-S3/></ManifestEncryption></ManifestOutputLocation><Filter><EligibleForReplication>true</EligibleForReplication><CreatedAfter>2024-01-01T00:00:00Z</CreatedAfter><CreatedBefore>2024-06-01T00:00:00Z</CreatedBefore><ObjectReplicationStatuses><member>NONE</member><member>FAILED</member></ObjectReplicationStatuses><KeyNameConstraint><MatchAnyPrefix><member>logs/</member></MatchAnyPrefix><MatchAnySuffix><member>.gz</member></MatchAnySuffix><MatchAnySubstring><member>2024</member></MatchAnySubstring></KeyNameConstraint><ObjectSizeGreaterThanBytes>10</ObjectSizeGreaterThanBytes><ObjectSizeLessThanBytes>1000000</ObjectSizeLessThanBytes><MatchAnyStorageClass><member>STANDARD</member><member>GLACIER</member></MatchAnyStorageClass></Filter></S3JobManifestGenerator></ManifestGenerator></CreateJobRequest>';

// awscli style (no declaration, its own order, `<X />` empty elements) for an empty TagSet and SSE-S3.
const CLI_EMPTY_ELEMENTS_JOB =
  '<CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><ConfirmationRequired>false</ConfirmationRequired><Operation><S3PutObjectTagging><TagSet /></S3PutObjectTagging></Operation><Report><Enabled>false</Enabled></Report><ClientRequestToken>12512c12-0000-4000-8000-000000000000</ClientRequestToken><Priority>0</Priority><RoleArn>arn:aws:iam::123456789012:role/batch-role</RoleArn><ManifestGenerator><S3JobManifestGenerator><ExpectedBucketOwner>123456789012</ExpectedBucketOwner><SourceBucket>arn:aws:s3:::source-bucket</SourceBucket><EnableManifestOutput>True</EnableManifestOutput><ManifestOutputLocation><Bucket>arn:aws:s3:::out</Bucket><ManifestFormat>S3InventoryReport_CSV_20211130</ManifestFormat><ManifestEncryption><SSE-S3 /></ManifestEncryption></ManifestOutputLocation></S3JobManifestGenerator></ManifestGenerator></CreateJobRequest>';

// s3control-api.md §1.3: botocore 1.43.11, S3PutObjectTagging.
const BOTOCORE_CREATE_JOB =
  '<CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><ConfirmationRequired>false</ConfirmationRequired><Operation><S3PutObjectTagging><TagSet><member><Key>k1</Key><Value>v1</Value></member><member><Key>k2</Key><Value>v2</Value></member></TagSet></S3PutObjectTagging></Operation><Report><Bucket>arn:aws:s3:::rep</Bucket><Format>Report_CSV_20180820</Format><Enabled>true</Enabled><Prefix>pfx</Prefix><ReportScope>AllTasks</ReportScope></Report><Manifest><Spec><Format>S3BatchOperations_CSV_20180820</Format><Fields><member>Bucket</member><member>Key</member></Fields></Spec><Location><ObjectArn>arn:aws:s3:::man/manifest.csv</ObjectArn><ETag>60e460c9d1046e73f7dde5043ac3ae85</ETag></Location></Manifest><Priority>10</Priority><RoleArn>arn:aws:iam::123456789012:role/r</RoleArn><Description>desc</Description><Tags><member><Key>a</Key><Value>b</Value></member></Tags><ClientRequestToken>f4370146-8104-4727-9528-bd637be7fdc0</ClientRequestToken></CreateJobRequest>';

// s3control-api.md §1.3: botocore, ManifestGenerator + LambdaInvoke (maps, timestamps, SSE-S3, MatchAnyObjectEncryption).
const BOTOCORE_LAMBDA_JOB =
  '<CreateJobRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><ClientRequestToken>tok-1</ClientRequestToken><Operation><LambdaInvoke><FunctionArn>arn:aws:lambda:us-west-2:123456789012:function:f</FunctionArn><InvocationSchemaVersion>2.0</InvocationSchemaVersion><UserArguments><entry><key>k</key><value>v</value></entry></UserArguments></LambdaInvoke></Operation><Report><Enabled>false</Enabled></Report><ManifestGenerator><S3JobManifestGenerator><ExpectedBucketOwner>123456789012</ExpectedBucketOwner><SourceBucket>arn:aws:s3:::src</SourceBucket><EnableManifestOutput>true</EnableManifestOutput><ManifestOutputLocation><Bucket>arn:aws:s3:::out</Bucket><ManifestPrefix>mp</ManifestPrefix><ManifestFormat>S3InventoryReport_CSV_20211130</ManifestFormat><ManifestEncryption><SSE-S3 /></ManifestEncryption></ManifestOutputLocation><Filter><EligibleForReplication>true</EligibleForReplication><CreatedAfter>2024-01-02T03:04:05Z</CreatedAfter><ObjectReplicationStatuses><member>NONE</member><member>FAILED</member></ObjectReplicationStatuses><KeyNameConstraint><MatchAnyPrefix><member>p/</member></MatchAnyPrefix></KeyNameConstraint><ObjectSizeGreaterThanBytes>5</ObjectSizeGreaterThanBytes><MatchAnyStorageClass><member>STANDARD</member></MatchAnyStorageClass><MatchAnyObjectEncryption><ObjectEncryption><SSE-KMS><KmsKeyArn>arn:aws:kms:us-west-2:123456789012:key/abc</KmsKeyArn></SSE-KMS></ObjectEncryption></MatchAnyObjectEncryption></Filter></S3JobManifestGenerator></ManifestGenerator><Priority>0</Priority><RoleArn>arn:aws:iam::123456789012:role/r</RoleArn></CreateJobRequest>';

const TAGGING_JOB = {
  Operation: {
    S3PutObjectTagging: {
      TagSet: [
        { Key: 'env', Value: 'prod' },
        { Key: 'team', Value: 'x' },
      ],
    },
  },
  Report: {
    Enabled: true,
    Bucket: 'arn:aws:s3:::report-bucket',
    Format: 'Report_CSV_20180820',
    Prefix: 'reports',
    ReportScope: 'AllTasks',
  },
  Priority: 10,
  RoleArn: 'arn:aws:iam::123456789012:role/batch-role',
  ConfirmationRequired: true,
  ClientRequestToken: 'token-123',
  Manifest: {
    Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
    Location: {
      ObjectArn: 'arn:aws:s3:::manifest-bucket/manifest.csv',
      ETag: '60e460c9d1046e73f7dde5043ac3ae85',
      ObjectVersionId: 'v1',
    },
  },
  Description: 'tag all the things',
  Tags: [{ Key: 'jobtag', Value: 'jv' }],
};

/** The JS SDK CreateJob body with one fragment replaced. */
function jsBodyWith(from: string, to: string): string {
  if (!JS_CREATE_JOB.includes(from)) throw new Error(`fragment not in the body: ${from}`);
  return JS_CREATE_JOB.replace(from, to);
}

describe('decodeShape: captured CreateJob bodies', () => {
  it('decodes the JS SDK body into SDK-style members with typed values', () => {
    const job = decodeCreateJob(JS_CREATE_JOB);
    expect(job).toStrictEqual(TAGGING_JOB);
    expect(job.Priority).toBe(10);
    expect(job.ConfirmationRequired).toBe(true);
    expect((job.Report as Obj).Enabled).toBe(true);
  });

  it('decodes the awscli body (other element order, no declaration) to the same object', () => {
    expect(decodeCreateJob(CLI_CREATE_JOB)).toStrictEqual(TAGGING_JOB);
  });

  it('decodes the JS ManifestGenerator body: empty structures, timestamps, longs, string lists', () => {
    const job = decodeCreateJob(JS_GENERATOR_JOB);
    expect(job.Manifest).toBeUndefined();
    expect(job.Operation).toStrictEqual({ S3ReplicateObject: {} });
    expect(job.ConfirmationRequired).toBe(false);
    expect(job.Report).toStrictEqual({
      Enabled: true,
      Bucket: 'arn:aws:s3:::report-bucket',
      Format: 'Report_CSV_20180820',
      Prefix: 'rep',
      ReportScope: 'FailedTasksOnly',
      ExpectedBucketOwner: '123456789012',
    });
    expect(job.ManifestGenerator).toStrictEqual({
      S3JobManifestGenerator: {
        SourceBucket: 'arn:aws:s3:::source-bucket',
        EnableManifestOutput: true,
        ExpectedBucketOwner: '123456789012',
        ManifestOutputLocation: {
          Bucket: 'arn:aws:s3:::manifest-out',
          ManifestFormat: 'S3InventoryReport_CSV_20211130',
          ExpectedManifestBucketOwner: '123456789012',
          ManifestPrefix: 'gen',
          ManifestEncryption: { SSES3: {} },
        },
        Filter: {
          EligibleForReplication: true,
          CreatedAfter: new Date('2024-01-01T00:00:00.000Z'),
          CreatedBefore: new Date('2024-06-01T00:00:00.000Z'),
          ObjectReplicationStatuses: ['NONE', 'FAILED'],
          KeyNameConstraint: {
            MatchAnyPrefix: ['logs/'],
            MatchAnySuffix: ['.gz'],
            MatchAnySubstring: ['2024'],
          },
          ObjectSizeGreaterThanBytes: 10,
          ObjectSizeLessThanBytes: 1000000,
          MatchAnyStorageClass: ['STANDARD', 'GLACIER'],
        },
      },
    });
    const filter = (job.ManifestGenerator as { S3JobManifestGenerator: { Filter: Obj } })
      .S3JobManifestGenerator.Filter;
    expect(filter.CreatedAfter).toBeInstanceOf(Date);
  });

  it('reads awscli `<X />` empty elements: an empty list and a present empty structure', () => {
    const job = decodeCreateJob(CLI_EMPTY_ELEMENTS_JOB);
    expect(job.Operation).toStrictEqual({ S3PutObjectTagging: { TagSet: [] } });
    expect(job.Report).toStrictEqual({ Enabled: false });
    expect(job.Priority).toBe(0);
    const generator = (job.ManifestGenerator as { S3JobManifestGenerator: Obj }).S3JobManifestGenerator;
    expect(generator.EnableManifestOutput).toBe(true); // `True`: booleans are case-insensitive
    expect(generator.ManifestOutputLocation).toStrictEqual({
      Bucket: 'arn:aws:s3:::out',
      ManifestFormat: 'S3InventoryReport_CSV_20211130',
      ManifestEncryption: { SSES3: {} },
    });
  });

  it('decodes the botocore tagging body', () => {
    expect(decodeCreateJob(BOTOCORE_CREATE_JOB)).toStrictEqual({
      ConfirmationRequired: false,
      Operation: {
        S3PutObjectTagging: {
          TagSet: [
            { Key: 'k1', Value: 'v1' },
            { Key: 'k2', Value: 'v2' },
          ],
        },
      },
      Report: {
        Bucket: 'arn:aws:s3:::rep',
        Format: 'Report_CSV_20180820',
        Enabled: true,
        Prefix: 'pfx',
        ReportScope: 'AllTasks',
      },
      Manifest: {
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: { ObjectArn: 'arn:aws:s3:::man/manifest.csv', ETag: '60e460c9d1046e73f7dde5043ac3ae85' },
      },
      Priority: 10,
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      Description: 'desc',
      Tags: [{ Key: 'a', Value: 'b' }],
      ClientRequestToken: 'f4370146-8104-4727-9528-bd637be7fdc0',
    });
  });

  it('decodes the botocore ManifestGenerator + Lambda body: map, SSE-KMS inside ObjectEncryption items', () => {
    expect(decodeCreateJob(BOTOCORE_LAMBDA_JOB)).toStrictEqual({
      ClientRequestToken: 'tok-1',
      Operation: {
        LambdaInvoke: {
          FunctionArn: 'arn:aws:lambda:us-west-2:123456789012:function:f',
          InvocationSchemaVersion: '2.0',
          UserArguments: { k: 'v' },
        },
      },
      Report: { Enabled: false },
      ManifestGenerator: {
        S3JobManifestGenerator: {
          ExpectedBucketOwner: '123456789012',
          SourceBucket: 'arn:aws:s3:::src',
          EnableManifestOutput: true,
          ManifestOutputLocation: {
            Bucket: 'arn:aws:s3:::out',
            ManifestPrefix: 'mp',
            ManifestFormat: 'S3InventoryReport_CSV_20211130',
            ManifestEncryption: { SSES3: {} },
          },
          Filter: {
            EligibleForReplication: true,
            CreatedAfter: new Date('2024-01-02T03:04:05.000Z'),
            ObjectReplicationStatuses: ['NONE', 'FAILED'],
            KeyNameConstraint: { MatchAnyPrefix: ['p/'] },
            ObjectSizeGreaterThanBytes: 5,
            MatchAnyStorageClass: ['STANDARD'],
            MatchAnyObjectEncryption: [
              { SSEKMS: { KmsKeyArn: 'arn:aws:kms:us-west-2:123456789012:key/abc' } },
            ],
          },
        },
      },
      Priority: 0,
      RoleArn: 'arn:aws:iam::123456789012:role/r',
    });
  });

  it('decodes the other captured Operation encodings', () => {
    const operation = (xml: string) =>
      decodeCreateJob(jsBodyWith(JS_CREATE_JOB.match(/<Operation>.*<\/Operation>/)?.[0] ?? '', xml))
        .Operation;
    expect(
      operation(
        '<Operation><S3PutObjectCopy><TargetResource>arn:aws:s3:::dst</TargetResource><MetadataDirective>COPY</MetadataDirective><NewObjectTagging><member><Key>a</Key><Value>1</Value></member></NewObjectTagging><StorageClass>STANDARD_IA</StorageClass><TargetKeyPrefix>copied/</TargetKeyPrefix><ChecksumAlgorithm>CRC32</ChecksumAlgorithm><NewObjectMetadata><UserMetadata><entry><key>m1</key><value>x</value></entry></UserMetadata></NewObjectMetadata><ObjectLockRetainUntilDate>2030-01-01T00:00:00Z</ObjectLockRetainUntilDate></S3PutObjectCopy></Operation>',
      ),
    ).toStrictEqual({
      S3PutObjectCopy: {
        TargetResource: 'arn:aws:s3:::dst',
        MetadataDirective: 'COPY',
        NewObjectTagging: [{ Key: 'a', Value: '1' }],
        StorageClass: 'STANDARD_IA',
        TargetKeyPrefix: 'copied/',
        ChecksumAlgorithm: 'CRC32',
        NewObjectMetadata: { UserMetadata: { m1: 'x' } },
        ObjectLockRetainUntilDate: new Date('2030-01-01T00:00:00Z'),
      },
    });
    expect(operation('<Operation><S3DeleteObjectTagging/></Operation>')).toStrictEqual({
      S3DeleteObjectTagging: {},
    });
    expect(
      operation(
        '<Operation><S3InitiateRestoreObject><ExpirationInDays>3</ExpirationInDays><GlacierJobTier>BULK</GlacierJobTier></S3InitiateRestoreObject></Operation>',
      ),
    ).toStrictEqual({ S3InitiateRestoreObject: { ExpirationInDays: 3, GlacierJobTier: 'BULK' } });
    expect(
      operation(
        '<Operation><S3PutObjectAcl><AccessControlPolicy><CannedAccessControlList>private</CannedAccessControlList></AccessControlPolicy></S3PutObjectAcl></Operation>',
      ),
    ).toStrictEqual({ S3PutObjectAcl: { AccessControlPolicy: { CannedAccessControlList: 'private' } } });
    expect(
      operation(
        '<Operation><S3UpdateObjectEncryption><ObjectEncryption><SSE-KMS><KMSKeyArn>arn:aws:kms:us-east-1:123456789012:key/k-1</KMSKeyArn><BucketKeyEnabled>true</BucketKeyEnabled></SSE-KMS></ObjectEncryption></S3UpdateObjectEncryption></Operation>',
      ),
    ).toStrictEqual({
      S3UpdateObjectEncryption: {
        ObjectEncryption: {
          SSEKMS: { KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k-1', BucketKeyEnabled: true },
        },
      },
    });
  });

  it('decodes PutJobTaggingRequest bodies, the empty set included', () => {
    // The JS SDK capture: it sends `x&y` unchecked, but the model's TagValueString pattern has no `&`.
    const captured =
      '<?xml version="1.0" encoding="UTF-8"?><PutJobTaggingRequest xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Tags><member><Key>a</Key><Value>1</Value></member><member><Key>b c</Key><Value>x&amp;y</Value></member></Tags></PutJobTaggingRequest>';
    expect(decodeError(captured, 'PutJobTaggingRequest').message).toBe(
      'Tags[1].Value: must match the pattern ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
    );
    const body = captured.replace('x&amp;y', 'x=y@z');
    expect(decodeShape('PutJobTaggingRequest', parseXml(body, 'PutJobTaggingRequest'))).toStrictEqual({
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b c', Value: 'x=y@z' },
      ],
    });
    const empty = '<PutJobTaggingRequest xmlns="…/2018-08-20/"><Tags /></PutJobTaggingRequest>';
    expect(decodeShape('PutJobTaggingRequest', parseXml(empty, 'PutJobTaggingRequest'))).toStrictEqual({
      Tags: [],
    });
    // AccountId (header) and JobId (uri) are required by the model but are not body members.
    expect(decodeError('<PutJobTaggingRequest/>', 'PutJobTaggingRequest').message).toBe('Tags: is required');
  });

  it('ignores unknown elements (forward compatibility)', () => {
    const body = jsBodyWith(
      '<Priority>10</Priority>',
      '<Priority>10</Priority><FutureFeature><X>1</X></FutureFeature>',
    ).replace('<Key>env</Key>', '<Key>env</Key><Colour>blue</Colour>');
    expect(decodeCreateJob(body)).toStrictEqual(TAGGING_JOB);
  });
});

describe('decodeShape: validation from the model', () => {
  const cases: [string, string, string][] = [
    [
      'a negative Priority',
      jsBodyWith('<Priority>10</Priority>', '<Priority>-1</Priority>'),
      'Priority: must be between 0 and 2147483647',
    ],
    [
      'a Priority above the integer range',
      jsBodyWith('<Priority>10</Priority>', '<Priority>2147483648</Priority>'),
      'Priority: must be between 0 and 2147483647',
    ],
    [
      'a non-numeric Priority',
      jsBodyWith('<Priority>10</Priority>', '<Priority>abc</Priority>'),
      'Priority: must be an integer',
    ],
    [
      'a Description of 257 characters',
      jsBodyWith('tag all the things', 'd'.repeat(257)),
      'Description: length must be between 1 and 256',
    ],
    [
      'an empty Description',
      jsBodyWith('<Description>tag all the things</Description>', '<Description/>'),
      'Description: length must be between 1 and 256',
    ],
    [
      'a bad ReportScope',
      jsBodyWith('<ReportScope>AllTasks</ReportScope>', '<ReportScope>SomeTasks</ReportScope>'),
      'Report.ReportScope: must be one of AllTasks, FailedTasksOnly',
    ],
    [
      'a missing RoleArn',
      jsBodyWith('<RoleArn>arn:aws:iam::123456789012:role/batch-role</RoleArn>', ''),
      'RoleArn: is required',
    ],
    [
      'a RoleArn that does not match the model pattern',
      jsBodyWith('arn:aws:iam::123456789012:role/batch-role', 'arn:aws:iam::12345:user/bob'),
      'RoleArn: must match the pattern arn:[^:]+:iam::\\d{12}:role/.*',
    ],
    ['a missing Report.Enabled', jsBodyWith('<Enabled>true</Enabled>', ''), 'Report.Enabled: is required'],
    [
      'a bad boolean',
      jsBodyWith(
        '<ConfirmationRequired>true</ConfirmationRequired>',
        '<ConfirmationRequired>yes</ConfirmationRequired>',
      ),
      'ConfirmationRequired: must be true or false',
    ],
    [
      'a tag key of 129 characters',
      jsBodyWith('<Key>team</Key>', `<Key>${'k'.repeat(129)}</Key>`),
      'Operation.S3PutObjectTagging.TagSet[1].Key: length must be between 1 and 128',
    ],
    [
      'a tag value outside the model pattern',
      jsBodyWith('<Value>prod</Value>', '<Value>a*b</Value>'),
      'Operation.S3PutObjectTagging.TagSet[0].Value: must match the pattern ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
    ],
    ['a tag without a Value', jsBodyWith('<Value>jv</Value>', ''), 'Tags[0].Value: is required'],
    [
      'a bad manifest field name',
      jsBodyWith('<member>Key</member>', '<member>Etag</member>'),
      'Manifest.Spec.Fields[1]: must be one of Ignore, Bucket, Key, VersionId',
    ],
    [
      'a repeated scalar element',
      jsBodyWith('<Priority>10</Priority>', '<Priority>10</Priority><Priority>11</Priority>'),
      'Priority: must appear only once',
    ],
    [
      'a structure given as text',
      jsBodyWith(JS_CREATE_JOB.match(/<Report>.*<\/Report>/)?.[0] ?? '', '<Report>yes</Report>'),
      'Report: must be a structure',
    ],
  ];
  it.each(cases)('rejects %s with a field-level BadRequestException', (_name, body, message) => {
    const err = decodeError(body);
    expect(err.status).toBe(400);
    expect(err.code).toBe('BadRequestException');
    expect(err.message).toBe(message);
  });

  it('checks the generator body too: timestamps, list sizes, unions, map sizes', () => {
    expect(
      decodeError(BOTOCORE_LAMBDA_JOB.replace('2024-01-02T03:04:05Z', '2024-01-02 03:04:05')).message,
    ).toBe('ManifestGenerator.S3JobManifestGenerator.Filter.CreatedAfter: must be an ISO 8601 timestamp');
    // ObjectEncryptionFilterList is min 1, max 1 in the model.
    const two =
      '<MatchAnyObjectEncryption><ObjectEncryption><SSE-S3/></ObjectEncryption><ObjectEncryption><NOT-SSE/></ObjectEncryption></MatchAnyObjectEncryption>';
    const lambda = BOTOCORE_LAMBDA_JOB.replace(
      /<MatchAnyObjectEncryption>.*<\/MatchAnyObjectEncryption>/,
      two,
    );
    expect(decodeError(lambda).message).toBe(
      'ManifestGenerator.S3JobManifestGenerator.Filter.MatchAnyObjectEncryption: must have between 1 and 1 items',
    );
    // ObjectEncryptionFilter is a union: exactly one choice.
    const none = BOTOCORE_LAMBDA_JOB.replace(/<SSE-KMS>.*<\/SSE-KMS>/, '');
    expect(decodeError(none).message).toBe(
      'ManifestGenerator.S3JobManifestGenerator.Filter.MatchAnyObjectEncryption[0]: must set exactly one of SSES3, SSEKMS, DSSEKMS, SSEC, NOTSSE',
    );
    expect(
      decodeError(
        BOTOCORE_LAMBDA_JOB.replace(/<ManifestGenerator>.*<\/ManifestGenerator>/, '<ManifestGenerator/>'),
      ).message,
    ).toBe('ManifestGenerator: must set exactly one of S3JobManifestGenerator');
    const eleven = Array.from(
      { length: 11 },
      (_, i) => `<entry><key>k${i}</key><value>v</value></entry>`,
    ).join('');
    expect(
      decodeError(BOTOCORE_LAMBDA_JOB.replace('<entry><key>k</key><value>v</value></entry>', eleven)).message,
    ).toBe('Operation.LambdaInvoke.UserArguments: must have between 1 and 10 entries');
    const dup = '<entry><key>k</key><value>v</value></entry><entry><key>k</key><value>w</value></entry>';
    expect(
      decodeError(BOTOCORE_LAMBDA_JOB.replace('<entry><key>k</key><value>v</value></entry>', dup)).message,
    ).toBe('Operation.LambdaInvoke.UserArguments[1].key: duplicate key "k"');
  });

  it('counts string length in characters, not UTF-16 units', () => {
    const emoji = '😀'; // two UTF-16 units, one character
    expect(decodeCreateJob(jsBodyWith('tag all the things', emoji.repeat(256))).Description).toBe(
      emoji.repeat(256),
    );
    expect(decodeError(jsBodyWith('tag all the things', emoji.repeat(257))).message).toBe(
      'Description: length must be between 1 and 256',
    );
  });

  it('leaves the 50-tag limit to the service: the model gives S3TagSet no max', () => {
    expect(jobShapeModel.shapes.S3TagSet).toStrictEqual({ type: 'list', member: { shape: 'S3Tag' } });
    const tags = Array.from(
      { length: 51 },
      (_, i) => `<member><Key>t${i}</Key><Value>v</Value></member>`,
    ).join('');
    const job = decodeCreateJob(jsBodyWith('<member><Key>jobtag</Key><Value>jv</Value></member>', tags));
    expect(job.Tags).toHaveLength(51);
  });

  it('names the root shape when the root element itself is wrong', () => {
    expect(() => decodeShape('CreateJobRequest', 'text')).toThrow('CreateJobRequest: must be a structure');
  });
});

const JOB = {
  JobId: '93735294-df46-44d5-8638-6356f335324e',
  ConfirmationRequired: true,
  Description: 'copy & <tag>',
  JobArn: 'arn:aws:s3:us-east-1:123456789012:job/93735294-df46-44d5-8638-6356f335324e',
  Status: 'Suspended',
  Manifest: {
    Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key', 'VersionId'] },
    Location: {
      ObjectArn: 'arn:aws:s3:::manifest-bucket/manifest.csv',
      ETag: '60e460c9d1046e73f7dde5043ac3ae85',
    },
  },
  Operation: {
    LambdaInvoke: {
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      InvocationSchemaVersion: '2.0',
      UserArguments: { k: 'v', empty: '' },
    },
  },
  Priority: 10,
  ProgressSummary: {
    TotalNumberOfTasks: 3,
    NumberOfTasksSucceeded: 2,
    NumberOfTasksFailed: 1,
    Timers: { ElapsedTimeInActiveSeconds: 42 },
  },
  StatusUpdateReason: 'awaiting confirmation',
  FailureReasons: [
    { FailureCode: 'Code1', FailureReason: 'reason one' },
    { FailureCode: 'Code2', FailureReason: 'reason two' },
  ],
  Report: {
    Bucket: 'arn:aws:s3:::report-bucket',
    Format: 'Report_CSV_20180820',
    Enabled: true,
    Prefix: 'reports',
    ReportScope: 'AllTasks',
  },
  CreationTime: new Date('2024-01-02T03:04:05.678Z'),
  TerminationDate: new Date('2024-01-02T04:05:06.000Z'),
  RoleArn: 'arn:aws:iam::123456789012:role/batch-role',
  SuspendedDate: new Date('2024-01-02T03:04:06.000Z'),
  SuspendedCause: 'AwaitingConfirmation',
  ManifestGenerator: {
    S3JobManifestGenerator: {
      ExpectedBucketOwner: '123456789012',
      SourceBucket: 'arn:aws:s3:::src',
      ManifestOutputLocation: {
        Bucket: 'arn:aws:s3:::out',
        ManifestPrefix: 'mp',
        ManifestEncryption: { SSES3: {} },
        ManifestFormat: 'S3InventoryReport_CSV_20211130',
      },
      Filter: {
        EligibleForReplication: false,
        CreatedAfter: new Date('2024-01-02T03:04:05.000Z'),
        ObjectReplicationStatuses: ['NONE', 'FAILED'],
        KeyNameConstraint: { MatchAnyPrefix: ['p/'] },
        ObjectSizeGreaterThanBytes: 5,
        MatchAnyStorageClass: ['STANDARD'],
        MatchAnyObjectEncryption: [
          { SSEKMS: { KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc', BucketKeyEnabled: true } },
        ],
      },
      EnableManifestOutput: true,
    },
  },
  GeneratedManifestDescriptor: {
    Format: 'S3InventoryReport_CSV_20211130',
    Location: { ObjectArn: 'arn:aws:s3:::out/mp/manifest.json', ETag: 'abc' },
  },
};

/** A deep copy with every structure's keys in reverse order (maps keep theirs: entries follow the caller). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, k === 'UserArguments' ? v : reverseKeys(v)]),
  );
}

describe('encodeShape', () => {
  const xml = renderXml(encodeResult('DescribeJobResult', { Job: JOB }));

  it('writes model order, <member> lists, entry maps, ISO timestamps, XML names and escapes', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeJobResult xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><Job><JobId>',
      ),
    ).toBe(true);
    expect(xml).toContain(
      '<Fields><member>Bucket</member><member>Key</member><member>VersionId</member></Fields>',
    );
    expect(xml).toContain(
      '<FailureReasons><member><FailureCode>Code1</FailureCode><FailureReason>reason one</FailureReason></member><member>',
    );
    expect(xml).toContain(
      '<UserArguments><entry><key>k</key><value>v</value></entry><entry><key>empty</key><value></value></entry></UserArguments>',
    );
    expect(xml).toContain('<CreationTime>2024-01-02T03:04:05.678Z</CreationTime>');
    expect(xml).toContain('<ManifestEncryption><SSE-S3/></ManifestEncryption>');
    expect(xml).toContain('<MatchAnyObjectEncryption><ObjectEncryption><SSE-KMS><KmsKeyArn>');
    expect(xml).toContain('<EligibleForReplication>false</EligibleForReplication>');
    expect(xml).toContain('<Description>copy &amp; &lt;tag&gt;</Description>');
    // The model order of JobReport is Bucket, Format, Enabled, Prefix, ReportScope, whatever the input order.
    const report = encodeShape(
      'JobReport',
      { ReportScope: 'AllTasks', Enabled: false, Bucket: 'arn:aws:s3:::b' },
      'Report',
    );
    expect(renderXml(report)).toContain(
      '<Report><Bucket>arn:aws:s3:::b</Bucket><Enabled>false</Enabled><ReportScope>AllTasks</ReportScope></Report>',
    );
    // Input key order never matters: every object reversed encodes to the same bytes.
    expect(renderXml(encodeResult('DescribeJobResult', { Job: reverseKeys(JOB) }))).toBe(xml);
    const memberOrder = Object.keys(jobShapeModel.shapes.JobDescriptor?.members ?? {});
    const positions = memberOrder.map((name) => xml.indexOf(`<${name}>`)).filter((i) => i >= 0);
    expect(positions).toHaveLength(Object.keys(JOB).length);
    expect(positions).toStrictEqual([...positions].sort((a, b) => a - b));
  });

  it('round-trips through parseXml and decodeShape to the same object', () => {
    expect(decodeShape('DescribeJobResult', parseXml(xml, 'DescribeJobResult'))).toStrictEqual({ Job: JOB });
  });

  it('omits absent members and writes empty structures and lists as empty elements', () => {
    const op = encodeShape(
      'JobOperation',
      { S3DeleteObjectTagging: {}, LambdaInvoke: undefined },
      'Operation',
    );
    expect(renderXml(op)).toContain('<Operation><S3DeleteObjectTagging/></Operation>');
    expect(renderXml(encodeShape('GetJobTaggingResult', { Tags: [] }))).toContain(
      '<GetJobTaggingResult><Tags/></GetJobTaggingResult>',
    );
  });

  it('throws a TypeError naming the field on a wrongly typed value', () => {
    expect(() => encodeShape('JobDescriptor', { ...JOB, Priority: '10' }, 'Job')).toThrow(
      new TypeError('encodeShape: Job.Priority must be an integer'),
    );
  });
});

describe('encodeShape output read by the real JS SDK', () => {
  function clientAnswering(body: string) {
    return new S3ControlClient({
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      endpointProvider: () => ({ url: new URL('http://127.0.0.1:9/') }),
      requestHandler: {
        handle: async () => ({
          response: {
            statusCode: 200,
            headers: { 'content-type': 'application/xml', 'x-amz-request-id': 'req-1' },
            body: Readable.from([Buffer.from(body)]),
          },
        }),
      },
    });
  }
  const AccountId = '123456789012';

  it('DescribeJob returns every Job field as encoded', async () => {
    const xml = renderXml(encodeResult('DescribeJobResult', { Job: JOB }));
    const out = await clientAnswering(xml).send(new DescribeJobCommand({ AccountId, JobId: JOB.JobId }));
    expect(out.Job).toStrictEqual(JOB);
  });

  it('ListJobs and GetJobTagging read the <member> lists', async () => {
    const jobs = [
      {
        JobId: 'job-1',
        Description: 'first',
        Operation: 'S3PutObjectTagging',
        Priority: 10,
        Status: 'Complete',
        CreationTime: new Date('2024-01-02T03:04:05.678Z'),
        TerminationDate: new Date('2024-01-02T04:05:06.000Z'),
        ProgressSummary: { TotalNumberOfTasks: 3, NumberOfTasksSucceeded: 3, NumberOfTasksFailed: 0 },
      },
      {
        JobId: 'job-2',
        Operation: 'S3ReplicateObject',
        Priority: 0,
        Status: 'New',
        CreationTime: new Date(0),
      },
    ];
    const list = await clientAnswering(
      renderXml(encodeResult('ListJobsResult', { NextToken: 'tok-2', Jobs: jobs })),
    ).send(new ListJobsCommand({ AccountId }));
    expect(list.Jobs).toStrictEqual(jobs);
    expect(list.NextToken).toBe('tok-2');
    const tags = [
      { Key: 'a', Value: '1' },
      { Key: 'b c', Value: 'x=y' },
      { Key: 'empty', Value: '' },
    ];
    const tagging = await clientAnswering(
      renderXml(encodeResult('GetJobTaggingResult', { Tags: tags })),
    ).send(new GetJobTaggingCommand({ AccountId, JobId: 'job-1' }));
    expect(tagging.Tags).toStrictEqual(tags);
  });
});

describe('decodeRequest (query and uri members from the model)', () => {
  const q = (entries: Record<string, string[]>) => ({ query: new Map(Object.entries(entries)) });
  const failure = (fn: () => unknown): ServiceError => {
    try {
      fn();
    } catch (err) {
      if (err instanceof ServiceError) return err;
      throw err;
    }
    throw new Error('expected a ServiceError');
  };

  it('decodes ListJobs statuses, token and page size with the modeled types', () => {
    expect(
      decodeRequest(
        'ListJobsRequest',
        q({ jobStatuses: ['Active', 'Failed'], maxResults: ['5'], nextToken: ['abc'] }),
      ),
    ).toEqual({ JobStatuses: ['Active', 'Failed'], MaxResults: 5, NextToken: 'abc' });
    expect(decodeRequest('ListJobsRequest', q({}))).toEqual({});
  });

  it('applies the model limits, with the error code the operation models', () => {
    const codeOf = (m: string) =>
      m === 'NextToken' ? 'InvalidNextTokenException' : 'InvalidRequestException';
    expect(
      failure(() => decodeRequest('ListJobsRequest', q({ maxResults: ['1001'] }), codeOf)),
    ).toMatchObject({
      code: 'InvalidRequestException',
      message: 'maxResults: must be between 0 and 1000',
    });
    expect(
      failure(() => decodeRequest('ListJobsRequest', q({ jobStatuses: ['Sleeping'] }), codeOf)).code,
    ).toBe('InvalidRequestException');
    expect(failure(() => decodeRequest('ListJobsRequest', q({ nextToken: [''] }), codeOf)).code).toBe(
      'InvalidNextTokenException',
    );
  });

  it('decodes UpdateJobPriority and UpdateJobStatus, refusing what the model refuses', () => {
    const id = { uri: { id: 'job-12345' } };
    expect(decodeRequest('UpdateJobPriorityRequest', { ...q({ priority: ['77'] }), ...id })).toEqual({
      JobId: 'job-12345',
      Priority: 77,
    });
    for (const priority of ['-1', '2147483648', '1.5', 'x']) {
      expect(
        failure(() => decodeRequest('UpdateJobPriorityRequest', { ...q({ priority: [priority] }), ...id }))
          .code,
      ).toBe('BadRequestException');
    }
    expect(failure(() => decodeRequest('UpdateJobPriorityRequest', { ...q({}), ...id })).message).toBe(
      'priority: is required',
    );
    expect(
      decodeRequest('UpdateJobStatusRequest', {
        ...q({ requestedJobStatus: ['Cancelled'], statusUpdateReason: ['done'] }),
        ...id,
      }),
    ).toEqual({ JobId: 'job-12345', RequestedJobStatus: 'Cancelled', StatusUpdateReason: 'done' });
    expect(
      failure(() =>
        decodeRequest('UpdateJobStatusRequest', { ...q({ requestedJobStatus: ['Active'] }), ...id }),
      ).message,
    ).toMatch(/^requestedJobStatus: must be one of/);
    expect(
      failure(() =>
        decodeRequest('UpdateJobStatusRequest', {
          ...q({ requestedJobStatus: ['Ready'], statusUpdateReason: ['x'.repeat(257)] }),
          ...id,
        }),
      ).message,
    ).toBe('statusUpdateReason: length must be between 1 and 256');
    expect(
      failure(() => decodeRequest('DescribeJobRequest', { query: new Map(), uri: { id: 'abc' } })).message,
    ).toBe('id: length must be between 5 and 36');
  });
});
