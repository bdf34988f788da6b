import { GetObjectCommand, GetObjectTaggingCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  ApiError,
  CliCommandResponse,
  ConnectionInfo,
  JobDetails,
  JobReport,
  type JobWizardInput,
  JobWizardModel,
  ListBucketsResponse,
  ListJobsResponse,
  ListObjectsResponse,
  ObjectHead,
  PreflightResponse,
  RetryFailedResponse,
  RetryManifestResponse,
} from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, readEvents, startConsoleFixture } from './support/console-fixture.js';

const SOURCE = 'batchops-demo-source';
const REPORTS = 'batchops-demo-reports';
const MANIFEST = 'manifests/demo-manifest.csv';
/** The role test jobs run as (decision 0022); the demo's own role is what the connection names. */
const ROLE = 'arn:aws:iam::000000000000:role/batchops-test';
const DEMO_ROLE = 'arn:aws:iam::000000000000:role/batchops-demo';

let c: ConsoleFixture;
let s3: ConsoleFixture['s3'];
let token = 0;

beforeAll(async () => {
  c = await startConsoleFixture(true);
  ({ s3 } = c);
}, 60_000);
afterAll(() => c.close());

/** A tagging job over the demo manifest, as the wizard would send it. */
function wizard(over: Partial<JobWizardInput> = {}): JobWizardInput {
  return {
    manifest: { format: 'csv', bucket: SOURCE, key: MANIFEST },
    operation: { type: 'tagging', tags: [{ key: 'reviewed', value: 'yes' }] },
    description: 'tag the demo objects',
    priority: 10,
    report: { enabled: true, bucket: REPORTS, prefix: 'reports', scope: 'AllTasks' },
    roleArn: ROLE,
    tags: [],
    runOption: 'wait',
    clientRequestToken: `token-${Date.now()}-${++token}`,
    ...over,
  };
}

async function createJob(over: Partial<JobWizardInput> = {}): Promise<string> {
  const { status, body } = await c.json('POST', '/api/jobs', wizard(over));
  expect(status, JSON.stringify(body)).toBe(201);
  return body.jobId as string;
}

async function waitForStatus(jobId: string, statuses: string[], timeoutMs = 30_000): Promise<JobDetails> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await c.json('GET', `/api/jobs/${jobId}`);
    const job = JobDetails.parse(body);
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} is ${job.status}, not ${statuses.join('/')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function putObject(key: string, body: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: SOURCE, Key: key, Body: body }));
}

describe('create, run, watch and read the report of a job', () => {
  it('creates a Suspended job over the demo manifest, runs it, streams its progress and shows the report', async () => {
    const head = ObjectHead.parse(
      (await c.json('GET', `/api/buckets/${SOURCE}/object?key=${encodeURIComponent(MANIFEST)}`)).body,
    );
    const jobId = await createJob({ tags: [{ key: 'team', value: 'blue' }] });
    const suspended = await waitForStatus(jobId, ['Suspended']);
    expect(suspended).toMatchObject({
      operation: 'S3PutObjectTagging',
      confirmationRequired: true,
      description: 'tag the demo objects',
      tags: [{ key: 'team', value: 'blue' }],
      manifest: { format: 'csv', bucket: SOURCE, key: MANIFEST, etag: head.etag, fields: ['Bucket', 'Key'] },
      report: { enabled: true, bucket: `arn:aws:s3:::${REPORTS}`, prefix: 'reports', scope: 'AllTasks' },
      operationParameters: { TagSet: [{ Key: 'reviewed', Value: 'yes' }] },
      progress: { totalTasks: 540 },
    });

    const stream = await c.api(`/api/jobs/${jobId}/events`);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
    const run = await c.json('POST', `/api/jobs/${jobId}/run`);
    expect(run.status).toBe(200);
    const events = await readEvents(stream, (m) =>
      m.some((e) => e.data.type === 'job' && e.data.job.status === 'Complete'),
    );
    const snapshots = events.flatMap((e) => (e.data.type === 'job' ? [e.data.job] : []));
    expect(events.every((e) => e.event === e.data.type)).toBe(true);
    expect(snapshots[0]?.status).toBe('Suspended');
    expect(snapshots.map((s) => s.status)).toContain('Complete');
    expect(snapshots.at(-1)?.progress).toMatchObject({ totalTasks: 540, succeeded: 540, failed: 0 });
    expect(snapshots.at(-1)?.etaSeconds).toBe(0);

    const tagging = await s3.send(
      new GetObjectTaggingCommand({ Bucket: SOURCE, Key: 'logs/web/object-0007.log' }),
    );
    expect(tagging.TagSet).toEqual([{ Key: 'reviewed', Value: 'yes' }]);

    const report = JobReport.parse(
      (await c.json('GET', `/api/jobs/${jobId}/report?page=2&pageSize=500`)).body,
    );
    expect(report).toMatchObject({
      total: 540,
      succeeded: 540,
      failed: 0,
      errorCodes: [],
      page: 2,
      pageSize: 500,
    });
    expect(report.rows).toHaveLength(40);
    expect(report.rows[0]).toMatchObject({ bucket: SOURCE, taskStatus: 'succeeded', httpStatusCode: 200 });
    expect(report.manifestKey).toBe(`reports/job-${jobId}/manifest.json`);
    expect(report.files.at(-1)).toBe(report.manifestKey);
    expect(report.files[0]).toMatch(new RegExp(`^reports/job-${jobId}/results/.+\\.csv$`));
  });

  it('refuses a second run and answers unknown jobs with the S3 Control error code', async () => {
    // The list's ListJobs snapshot may be up to 5 s older than the job's end: it shows it within that.
    const completeJob = async () =>
      ListJobsResponse.parse((await c.json('GET', '/api/jobs?status=Complete')).body).jobs[0]?.jobId;
    await expect.poll(completeJob, { timeout: 20_000, interval: 500 }).toBeDefined();
    const done = (await completeJob()) as string;
    const again = await c.json('POST', `/api/jobs/${done}/run`);
    expect(again.status).toBe(409);
    expect(ApiError.parse(again.body).code).toBe('JobStatusException');
    const missing = await c.json('GET', '/api/jobs/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(ApiError.parse(missing.body).code).toBe('NotFoundException');
  });

  it('makes one job of a create retried with the same token', async () => {
    const model = wizard({ description: 'idempotent create' });
    const first = await c.json('POST', '/api/jobs', model);
    const second = await c.json('POST', '/api/jobs', model);
    expect(second.body.jobId).toBe(first.body.jobId);
    const listed = ListJobsResponse.parse((await c.json('GET', '/api/jobs?description=idempotent')).body);
    expect(listed.total).toBe(1);
  });

  it('answers a bad wizard model with field errors', async () => {
    const { status, body } = await c.json('POST', '/api/jobs', {
      ...wizard(),
      clientRequestToken: undefined,
      report: { enabled: true, scope: 'AllTasks' },
      operation: { type: 'tagging', tags: [{ key: '', value: 'x' }] },
    });
    expect(status).toBe(400);
    const fields = ApiError.parse(body).fieldErrors.map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(['report.bucket', 'clientRequestToken', 'operation.tags.0.key']),
    );
  });
});

describe('the job list', () => {
  let red: string;
  let green: string;
  beforeAll(async () => {
    red = await createJob({
      description: 'Nightly archive of invoices',
      priority: 5,
      tags: [{ key: 'color', value: 'red' }],
    });
    green = await createJob({
      description: 'weekly thumbnail refresh',
      priority: 50,
      tags: [
        { key: 'color', value: 'green' },
        { key: 'owner', value: 'media' },
      ],
      operation: { type: 'deleteTagging' },
    });
    await waitForStatus(red, ['Suspended']);
    await waitForStatus(green, ['Suspended']);
  });

  const list = async (query: string) => {
    const { status, body } = await c.json('GET', `/api/jobs?${query}`);
    expect(status, JSON.stringify(body)).toBe(200);
    return ListJobsResponse.parse(body);
  };

  it('filters by description words, job ID, tag key and value, status and operation', async () => {
    expect((await list('description=ARCHIVE%20nightly')).jobs.map((j) => j.jobId)).toEqual([red]);
    expect((await list(`jobId=${green.slice(0, 13)}`)).jobs.map((j) => j.jobId)).toEqual([green]);
    expect((await list('tagKey=color')).jobs.map((j) => j.jobId).sort()).toEqual([red, green].sort());
    expect((await list('tagKey=color&tagValue=green')).jobs.map((j) => j.jobId)).toEqual([green]);
    expect((await list('tagValue=media')).jobs.map((j) => j.jobId)).toEqual([green]);
    expect((await list('tagKey=color&tagValue=media')).total).toBe(0);
    const deleting = await list('operation=S3DeleteObjectTagging&status=Suspended');
    expect(deleting.jobs.map((j) => j.jobId)).toEqual([green]);
    expect(deleting.jobs[0]?.tags).toEqual([
      { key: 'color', value: 'green' },
      { key: 'owner', value: 'media' },
    ]);
  });

  it('sorts and pages, and counts every match', async () => {
    const all = await list('pageSize=1000');
    const byPriority = await list('sortBy=priority&sortOrder=asc&pageSize=2&page=1');
    expect(byPriority.total).toBe(all.total);
    expect(byPriority.jobs).toHaveLength(2);
    const priorities = all.jobs.map((j) => j.priority).sort((a, b) => a - b);
    expect(byPriority.jobs.map((j) => j.priority)).toEqual(priorities.slice(0, 2));
    const second = await list('sortBy=priority&sortOrder=asc&pageSize=2&page=2');
    expect(second.jobs[0]?.priority).toBe(priorities[2]);
    const created = all.jobs.map((j) => j.creationTime);
    expect(created).toEqual([...created].sort().reverse());
    const bad = await c.json('GET', '/api/jobs?sortBy=size&page=0');
    expect(
      ApiError.parse(bad.body)
        .fieldErrors.map((f) => f.field)
        .sort(),
    ).toEqual(['page', 'sortBy']);
  });

  it('changes priority and tags, and the list sees the new tags at once', async () => {
    const p = await c.json('PUT', `/api/jobs/${red}/priority`, { priority: 42 });
    expect(p.body).toMatchObject({ jobId: red, priority: 42 });
    expect((await waitForStatus(red, ['Suspended'])).priority).toBe(42);
    const t = await c.json('PUT', `/api/jobs/${red}/tags`, { tags: [{ key: 'color', value: 'purple' }] });
    expect(t.status).toBe(200);
    expect((await list('tagValue=purple')).jobs.map((j) => j.jobId)).toEqual([red]);
    expect((await list('tagKey=color&tagValue=red')).total).toBe(0);
    const dup = await c.json('PUT', `/api/jobs/${red}/tags`, {
      tags: [
        { key: 'a', value: '1' },
        { key: 'a', value: '2' },
      ],
    });
    expect(ApiError.parse(dup.body).fieldErrors[0]?.field).toBe('tags.1.key');
  });

  it('clones a job into a wizard model with a new token, and the clone creates a like job', async () => {
    const { body } = await c.json('GET', `/api/jobs/${green}/clone`);
    const model = JobWizardModel.parse(body);
    expect(model).toMatchObject({
      region: 'us-east-1',
      manifest: { format: 'csv', bucket: SOURCE, key: MANIFEST },
      operation: { type: 'deleteTagging' },
      description: 'weekly thumbnail refresh',
      priority: 50,
      report: { enabled: true, bucket: REPORTS, prefix: 'reports', scope: 'AllTasks' },
      roleArn: ROLE,
      tags: [
        { key: 'color', value: 'green' },
        { key: 'owner', value: 'media' },
      ],
      runOption: 'wait',
    });
    expect(model.manifest.etag).toMatch(/^[0-9a-f]{32}$/);
    const original = JobDetails.parse((await c.json('GET', `/api/jobs/${green}`)).body);
    expect(model.clientRequestToken).not.toBe('');
    const clone = await createJob(model);
    expect(clone).not.toBe(green);
    const cloned = await waitForStatus(clone, ['Suspended']);
    expect(cloned.operationParameters).toEqual(original.operationParameters);
    expect(cloned.tags).toEqual(original.tags);
  });

  it('cancels a job with a reason', async () => {
    const res = await c.json('POST', `/api/jobs/${green}/cancel`, { reason: 'not needed any more' });
    expect(res.status).toBe(200);
    const job = await waitForStatus(green, ['Cancelled']);
    expect(job.statusUpdateReason).toBe('not needed any more');
    expect(job.terminationDate).not.toBeNull();
    expect((await list('status=Cancelled')).jobs.map((j) => j.jobId)).toContain(green);
  });

  it('streams list changes: the first event lists the jobs, a new job comes next', async () => {
    const stream = await c.api('/api/jobs/events');
    expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
    let created = '';
    const messages = await readEvents(stream, (m) => {
      if (m.length === 1 && !created)
        void createJob({ description: 'appears live' }).then((id) => (created = id));
      return (
        created !== '' &&
        m.some((e) => e.data.type === 'jobs' && e.data.changed.some((j) => j.jobId === created))
      );
    });
    const first = messages[0]?.data;
    expect(first?.type).toBe('jobs');
    if (first?.type === 'jobs') expect(first.changed.map((j) => j.jobId)).toContain(red);
  });
});

describe('retry failed tasks', () => {
  it('writes a manifest of the failed rows and creates a job over just them', async () => {
    await putObject(
      'manifests/with-missing.csv',
      `${SOURCE},images/2024/object-0001.jpg\n${SOURCE},images/2024/no-such-object.jpg\n`,
    );
    const jobId = await createJob({
      manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/with-missing.csv' },
      runOption: 'auto',
      description: 'has a missing key',
    });
    const done = await waitForStatus(jobId, ['Complete', 'Failed']);
    expect(done.progress).toMatchObject({ totalTasks: 2, succeeded: 1, failed: 1 });
    const report = JobReport.parse((await c.json('GET', `/api/jobs/${jobId}/report`)).body);
    expect(report).toMatchObject({ total: 2, succeeded: 1, failed: 1 });
    expect(report.rows[0]).toMatchObject({ taskStatus: 'failed', key: 'images/2024/no-such-object.jpg' });
    expect(report.rows[0]?.httpStatusCode).toBe(404);
    expect(report.errorCodes).toEqual([{ errorCode: report.rows[0]?.errorCode, count: 1 }]);

    const retry = await c.json('POST', `/api/jobs/${jobId}/retry-failed`);
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    const r = RetryFailedResponse.parse(retry.body);
    expect(r.tasks).toBe(1);
    expect(r.manifestKey).toMatch(new RegExp(`^reports/job-${jobId}/retry-.+\\.csv$`));
    const written = await s3.send(new GetObjectCommand({ Bucket: REPORTS, Key: r.manifestKey }));
    expect(await written.Body?.transformToString()).toBe(`${SOURCE},images/2024/no-such-object.jpg\n`);
    const retried = await waitForStatus(r.jobId, ['Suspended']);
    expect(retried.manifest).toMatchObject({ bucket: REPORTS, key: r.manifestKey });
    expect(retried.progress.totalTasks).toBe(1);
    expect(retried.operationParameters).toEqual(done.operationParameters);
    await c.json('POST', `/api/jobs/${r.jobId}/run`);
    const ran = await waitForStatus(r.jobId, ['Complete', 'Failed']);
    expect(ran.progress).toMatchObject({ totalTasks: 1, failed: 1 });

    const unknown = await c.json('POST', '/api/jobs/00000000-0000-0000-0000-000000000000/retry-failed');
    expect(unknown.status).toBe(404);

    // For the console's wizard: the manifest of the failed rows and the job's settings over it, no job yet.
    const opened = await c.json('POST', `/api/jobs/${jobId}/retry-manifest`);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const m = RetryManifestResponse.parse(opened.body);
    expect(m.tasks).toBe(1);
    expect(m.model.manifest).toMatchObject({ format: 'csv', bucket: REPORTS, key: m.manifestKey });
    expect(m.model).toMatchObject({
      runOption: 'wait',
      description: `has a missing key (retry of ${jobId})`,
    });
    expect(m.model.operation).toEqual((await c.json('GET', `/api/jobs/${jobId}/clone`)).body.operation);
    const fromWizard = await c.json('POST', '/api/jobs', m.model);
    expect(fromWizard.status, JSON.stringify(fromWizard.body)).toBe(201);
    const wizardJob = await waitForStatus((fromWizard.body as { jobId: string }).jobId, ['Suspended']);
    expect(wizardJob.progress.totalTasks).toBe(1);
  });
});

describe('pre-flight', () => {
  const statusOf = (r: PreflightResponse) => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
  const preflight = async (model: unknown) => {
    const { status, body } = await c.json('POST', '/api/jobs/preflight', model);
    expect(status, JSON.stringify(body)).toBe(200);
    return PreflightResponse.parse(body);
  };

  it('passes the demo manifest', async () => {
    const r = await preflight(wizard());
    expect(r.ok).toBe(true);
    expect(statusOf(r)).toEqual({
      'manifest-readable': 'pass',
      'manifest-etag': 'pass',
      'manifest-rows': 'pass',
      'version-ids': 'pass',
      'objects-exist': 'pass',
      'report-bucket': 'pass',
      'role-arn': 'pass',
      'role-permissions': 'pass',
    });
    expect(r.checks.find((x) => x.id === 'objects-exist')?.message).toMatch(/100 object/);
  });

  it('catches a wrong ETag, a missing object, mixed version IDs, a missing report bucket and a foreign role', async () => {
    const wrongEtag = await preflight(
      wizard({
        manifest: { format: 'csv', bucket: SOURCE, key: MANIFEST, etag: '0123456789abcdef0123456789abcdef' },
      }),
    );
    expect(wrongEtag.ok).toBe(false);
    expect(statusOf(wrongEtag)['manifest-etag']).toBe('fail');

    await putObject(
      'manifests/preflight-missing.csv',
      `${SOURCE},logs/app/object-0001.log\n${SOURCE},logs/app/gone.log\n`,
    );
    const missing = await preflight(
      wizard({ manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/preflight-missing.csv' } }),
    );
    const objects = missing.checks.find((x) => x.id === 'objects-exist');
    expect(objects?.status).toBe('fail');
    expect(objects?.message).toContain('logs/app/gone.log');
    expect(objects?.message).toMatch(/^1 of 2/);

    await putObject('manifests/mixed.csv', `${SOURCE},a.txt,v1\n${SOURCE},b.txt\n`);
    const mixed = await preflight(
      wizard({ manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/mixed.csv' } }),
    );
    expect(mixed.checks.find((x) => x.id === 'version-ids')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/^ManifestVersionIdMismatch: Line 2: /),
    });

    const other = await preflight(
      wizard({
        report: { enabled: true, bucket: 'no-such-bucket-here', scope: 'AllTasks' },
        roleArn: 'arn:aws:iam::111122223333:role/x',
      }),
    );
    expect(statusOf(other)).toMatchObject({
      'report-bucket': 'fail',
      'role-arn': 'fail',
      'objects-exist': 'pass',
    });

    const unreadable = await preflight(
      wizard({ manifest: { format: 'csv', bucket: SOURCE, key: 'manifests/none.csv' }, roleArn: 'role' }),
    );
    expect(statusOf(unreadable)).toMatchObject({
      'manifest-readable': 'fail',
      'manifest-rows': 'warn',
      'role-arn': 'fail',
    });
  });
});

describe('pre-flight says what the engine will say', () => {
  // Each manifest is 100 good demo rows, then one the engine refuses: pre-flight used to look at
  // the first 100 rows only, with its own CSV rules, and passed all three.
  const cases = [
    ['a quoted key holding a comma and a line break', `${SOURCE},"logs/app/a,\nb.log"`],
    ['a version ID on one row only', `${SOURCE},logs/app/object-0001.log,v1`],
    ['a bucket field that is not a bucket name', `s3://${SOURCE},logs/app/object-0001.log`],
  ] as const;

  it.each(cases)(
    'fails the manifest rows check with the line and reason the job fails with: %s',
    async (name, bad) => {
      const demo = await s3.send(new GetObjectCommand({ Bucket: SOURCE, Key: MANIFEST }));
      const good = ((await demo.Body?.transformToString()) ?? '').split('\n').slice(0, 100);
      const key = `manifests/engine-refuses-${name.replace(/\W+/g, '-')}.csv`;
      await putObject(key, `${[...good, bad, ...good.slice(0, 3)].join('\n')}\n`);
      const model = wizard({ manifest: { format: 'csv', bucket: SOURCE, key } });

      const { body } = await c.json('POST', '/api/jobs/preflight', model);
      const checks = PreflightResponse.parse(body);
      const jobId = await createJob(model);
      const job = await waitForStatus(jobId, ['Failed']);

      const [failure] = job.failureReasons;
      expect(failure?.reason).toMatch(/^Line 101: /);
      expect(checks.ok).toBe(false);
      expect(checks.checks.find((x) => x.id === 'manifest-rows')).toMatchObject({
        status: 'fail',
        message: `${failure?.code}: ${failure?.reason}`,
      });
    },
  );
});

describe('the AWS CLI command', () => {
  it('is the create-job command of the wizard model, shell-quoted, with the ETag read from S3', async () => {
    const { body } = await c.json(
      'POST',
      '/api/jobs/cli-command',
      wizard({ description: "Bob's job", clientRequestToken: 'tok-1' }),
    );
    const { command, argv } = CliCommandResponse.parse(body);
    expect(command).toMatch(
      /^HTTP_PROXY=http:\/\/127\.0\.0\.1:(\d+) aws s3control create-job --account-id 000000000000 --region us-east-1 --endpoint-url http:\/\/127\.0\.0\.1:\1 /,
    );
    expect(command).toContain(`--description 'Bob'\\''s job'`);
    expect(command).toContain('--confirmation-required');
    expect(command).toContain(`--role-arn ${ROLE}`);
    const manifest = JSON.parse(argv[argv.indexOf('--manifest') + 1] as string);
    const head = ObjectHead.parse(
      (await c.json('GET', `/api/buckets/${SOURCE}/object?key=${encodeURIComponent(MANIFEST)}`)).body,
    );
    expect(manifest).toEqual({
      Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
      Location: { ObjectArn: `arn:aws:s3:::${SOURCE}/${MANIFEST}`, ETag: head.etag },
    });
    expect(command).toContain(`--manifest '${JSON.stringify(manifest)}'`);
    expect(JSON.parse(argv[argv.indexOf('--operation') + 1] as string)).toEqual({
      S3PutObjectTagging: { TagSet: [{ Key: 'reviewed', Value: 'yes' }] },
    });
  });
});

describe('buckets', () => {
  it('lists buckets, one level of objects and prefixes, and heads an object', async () => {
    const buckets = ListBucketsResponse.parse((await c.json('GET', '/api/buckets')).body);
    expect(buckets.buckets.map((b) => b.name)).toEqual(expect.arrayContaining([SOURCE, REPORTS]));
    const top = ListObjectsResponse.parse((await c.json('GET', `/api/buckets/${SOURCE}/objects`)).body);
    expect(top.prefixes).toEqual(expect.arrayContaining(['images/', 'logs/', 'manifests/', 'reports/']));
    const images = ListObjectsResponse.parse(
      (await c.json('GET', `/api/buckets/${SOURCE}/objects?prefix=images/2024/`)).body,
    );
    expect(images.objects).toHaveLength(90);
    expect(images.objects[0]).toMatchObject({ key: 'images/2024/object-0000.jpg', size: 40 });
    const head = ObjectHead.parse(
      (await c.json('GET', `/api/buckets/${SOURCE}/object?key=images/2024/object-0000.jpg`)).body,
    );
    expect(head).toMatchObject({ size: 40, storageClass: 'STANDARD' });
    expect(head.versionId).not.toBeNull();
    const missing = await c.json('GET', `/api/buckets/${SOURCE}/object?key=nope`);
    expect(missing.status).toBe(404);
    const noKey = await c.json('GET', `/api/buckets/${SOURCE}/object`);
    expect(ApiError.parse(noKey.body).fieldErrors[0]?.field).toBe('key');
  });

  it('downloads an object as an attachment named by its key, bytes as stored', async () => {
    const res = await c.api(`/api/buckets/${SOURCE}/object/download?key=${encodeURIComponent(MANIFEST)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${MANIFEST.split('/').pop()}`,
    );
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const text = await res.text();
    expect(text.split('\n')[0]).toMatch(new RegExp(`^${SOURCE},`));
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    const missing = await c.api(`/api/buckets/${SOURCE}/object/download?key=nope`);
    expect(missing.status).toBe(404);
  });
});

describe('cross-site requests', () => {
  it('refuses every mutating job route from another site', async () => {
    for (const [method, path] of [
      ['POST', '/api/jobs'],
      ['POST', '/api/jobs/x/run'],
      ['POST', '/api/jobs/x/cancel'],
      ['PUT', '/api/jobs/x/priority'],
      ['PUT', '/api/jobs/x/tags'],
      ['POST', '/api/jobs/x/retry-failed'],
      ['POST', '/api/jobs/preflight'],
    ] as const) {
      const res = await c.api(path, {
        method,
        headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(ApiError.parse(await res.json()).code).toBe('CrossSiteRequest');
    }
  });
});

describe('connection in local mode with the demo', () => {
  it('names the seeded demo, so the wizard can offer its role', async () => {
    const { status, body } = await c.json('GET', '/api/connection');
    expect(status).toBe(200);
    expect(ConnectionInfo.parse(body).demo).toEqual({
      roleArn: DEMO_ROLE,
      sourceBucket: SOURCE,
      reportsBucket: REPORTS,
      manifestKey: MANIFEST,
    });
  });
});
