import { GetBucketReplicationCommand, PutBucketReplicationCommand } from '@aws-sdk/client-s3';
import {
  BrowseObjectsResponse,
  ReplicationConfigResponse,
  type ReplicationRuleInput,
  ReplicationStatusesResponse,
  SaveReplicationRuleResponse,
} from '@batchops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, startConsoleFixture } from './support/console-fixture.js';

const ROLE = 'arn:aws:iam::000000000000:role/batchops-test';

let c: ConsoleFixture;
let s3: ConsoleFixture['s3'];
let token = 0;

beforeAll(async () => {
  c = await startConsoleFixture(false);
  ({ s3 } = c);
  for (const name of ['repl-src', 'repl-dst', 'repl-dst2'])
    expect((await c.json('POST', '/api/buckets', { name, versioning: true })).status).toBe(201);
}, 60_000);
afterAll(() => c.close());

const b64 = (text: string) => Buffer.from(text).toString('base64');
const fields = (body: { fieldErrors: { field: string }[] }) => body.fieldErrors.map((f) => f.field);

function rule(over: Partial<ReplicationRuleInput> = {}): ReplicationRuleInput {
  return {
    id: 'to-dst',
    status: 'Enabled',
    priority: 1,
    scope: { type: 'all' },
    destinationBucket: 'repl-dst',
    storageClass: null,
    deleteMarkerReplication: false,
    replicaModifications: false,
    ...over,
  };
}

async function config(bucket: string) {
  const { status, body } = await c.json('GET', `/api/buckets/${bucket}/replication`);
  expect(status).toBe(200);
  return ReplicationConfigResponse.parse(body);
}

describe('buckets: create, versioning, upload, browse', () => {
  it('creates a bucket with versioning on, and refuses a bad or taken name with a field error', async () => {
    expect((await c.json('GET', '/api/buckets/repl-src/versioning')).body).toEqual({ status: 'Enabled' });
    const created = await c.json('POST', '/api/buckets', { name: 'plain-bucket' });
    expect(created).toEqual({ status: 201, body: { name: 'plain-bucket' } });
    expect((await c.json('GET', '/api/buckets/plain-bucket/versioning')).body).toEqual({ status: null });

    for (const name of ['Upper-Case', 'ab', 'a..b', '192.168.1.1', '-dash-']) {
      const { status, body } = await c.json('POST', '/api/buckets', { name });
      expect(status, name).toBe(400);
      expect(fields(body), name).toEqual(['name']);
    }
    const taken = await c.json('POST', '/api/buckets', { name: 'plain-bucket' });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('BucketAlreadyOwnedByYou');
  });

  it('turns versioning on and off (Suspended), and names a bad status', async () => {
    expect((await c.json('PUT', '/api/buckets/plain-bucket/versioning', { status: 'Enabled' })).status).toBe(
      200,
    );
    expect((await c.json('GET', '/api/buckets/plain-bucket/versioning')).body).toEqual({ status: 'Enabled' });
    await c.json('PUT', '/api/buckets/plain-bucket/versioning', { status: 'Suspended' });
    expect((await c.json('GET', '/api/buckets/plain-bucket/versioning')).body).toEqual({
      status: 'Suspended',
    });
    const bad = await c.json('PUT', '/api/buckets/plain-bucket/versioning', { status: 'On' });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toEqual(['status']);
  });

  it('uploads through the BFF and browses one level, current objects or every version', async () => {
    for (const [key, text] of [
      ['docs/a.txt', 'a'],
      ['b.txt', 'first'],
      ['b.txt', 'second'],
    ] as const) {
      const { status, body } = await c.json('POST', '/api/buckets/repl-src/upload', {
        key,
        contentType: 'text/plain',
        contentBase64: b64(text),
      });
      expect(status).toBe(201);
      expect(body.versionId).toMatch(/.+/);
    }
    const current = BrowseObjectsResponse.parse((await c.json('GET', '/api/buckets/repl-src/browse')).body);
    expect(current.prefixes).toEqual(['docs/']);
    expect(current.objects.map((o) => [o.key, o.size, o.versionId])).toEqual([['b.txt', 6, null]]);

    const all = BrowseObjectsResponse.parse(
      (await c.json('GET', '/api/buckets/repl-src/browse?versions=true')).body,
    );
    expect(all.objects.map((o) => [o.key, o.size, o.isLatest])).toEqual([
      ['b.txt', 6, true],
      ['b.txt', 5, false],
    ]);
    expect(new Set(all.objects.map((o) => o.versionId)).size).toBe(2);
    const docs = BrowseObjectsResponse.parse(
      (await c.json('GET', '/api/buckets/repl-src/browse?prefix=docs/')).body,
    );
    expect(docs.objects.map((o) => o.key)).toEqual(['docs/a.txt']);
  });

  it("takes an upload over the API's 1 MB body limit, refuses one over its own cap, and bad base64", async () => {
    const twoMb = Buffer.alloc(2 * 1024 * 1024, 7).toString('base64');
    const big = await c.json('POST', '/api/buckets/repl-src/upload', {
      key: 'big.bin',
      contentBase64: twoMb,
    });
    expect(big.status).toBe(201);
    const tooBig = Buffer.alloc(6 * 1024 * 1024, 7).toString('base64');
    const refused = await c.json('POST', '/api/buckets/repl-src/upload', {
      key: 'huge.bin',
      contentBase64: tooBig,
    });
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('PayloadTooLarge');
    // Other routes keep the 1 MB limit.
    const elsewhere = await c.json('PUT', '/api/buckets/repl-src/versioning', {
      status: 'Enabled',
      pad: twoMb,
    });
    expect(elsewhere.status).toBe(413);
    const bad = await c.json('POST', '/api/buckets/repl-src/upload', {
      key: '',
      contentBase64: 'not base64!',
    });
    expect(bad.status).toBe(400);
    expect(fields(bad.body).sort()).toEqual(['contentBase64', 'key']);
  });

  it('refuses an upload posted as a form (no JSON, no CSRF)', async () => {
    const res = await c.api('/api/buckets/repl-src/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'key=x&contentBase64=eA==',
    });
    expect(res.status).toBe(415);
  });

  it('reads replication statuses of a page of objects, one row failing alone', async () => {
    const { status, body } = await c.json('POST', '/api/buckets/repl-src/replication-statuses', {
      objects: [{ key: 'b.txt' }, { key: 'docs/a.txt' }, { key: 'missing.txt' }],
    });
    expect(status).toBe(200);
    const { statuses } = ReplicationStatusesResponse.parse(body);
    expect(statuses.map((s) => [s.key, s.replicationStatus, s.error])).toEqual([
      ['b.txt', null, null],
      ['docs/a.txt', null, null],
      ['missing.txt', null, 'NotFound'],
    ]);
    expect(statuses[0]?.versionId).toMatch(/.+/);
    const tooMany = await c.json('POST', '/api/buckets/repl-src/replication-statuses', {
      objects: Array.from({ length: 101 }, (_, i) => ({ key: `k${i}` })),
    });
    expect(tooMany.status).toBe(400);
    expect(fields(tooMany.body)).toEqual(['objects']);
    const gone = await c.json('POST', '/api/buckets/no-such-bucket-x/replication-statuses', {
      objects: [{ key: 'a' }],
    });
    expect(gone.body.statuses.map((s: { error: string }) => s.error)).toEqual(['NotFound']);
  });
});

describe('replication rules: one rule at a time, read-modify-write', () => {
  it('starts with no configuration', async () => {
    expect(await config('repl-src')).toEqual({ bucket: 'repl-src', role: null, rules: [], revision: null });
  });

  it('saves the first rule and offers Batch Replication; S3 holds a V2 rule', async () => {
    const { status, body } = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({ storageClass: 'STANDARD_IA', deleteMarkerReplication: true, replicaModifications: true }),
      role: ROLE,
      revision: null,
    });
    expect(status).toBe(201);
    const saved = SaveReplicationRuleResponse.parse(body);
    expect(saved.offerReplicateExisting).toBe(true);
    expect(saved.configuration.role).toBe(ROLE);
    expect(saved.configuration.rules[0]?.rule).toMatchObject({ id: 'to-dst', storageClass: 'STANDARD_IA' });
    const raw = await s3.send(new GetBucketReplicationCommand({ Bucket: 'repl-src' }));
    expect(raw.ReplicationConfiguration?.Rules?.[0]).toMatchObject({
      ID: 'to-dst',
      Priority: 1,
      Status: 'Enabled',
      Filter: {},
      Destination: { Bucket: 'arn:aws:s3:::repl-dst', StorageClass: 'STANDARD_IA' },
      DeleteMarkerReplication: { Status: 'Enabled' },
      SourceSelectionCriteria: { ReplicaModifications: { Status: 'Enabled' } },
    });
  });

  it('offers Batch Replication again only for a new destination', async () => {
    let { revision } = await config('repl-src');
    const same = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({ id: 'logs', priority: 2, scope: { type: 'filter', prefix: 'logs/', tags: [] } }),
      role: ROLE,
      revision,
    });
    expect(same.status).toBe(201);
    expect(same.body.offerReplicateExisting).toBe(false);
    revision = same.body.configuration.revision;
    const other = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({
        id: 'tagged',
        priority: 3,
        destinationBucket: 'repl-dst2',
        scope: { type: 'filter', prefix: 'a/', tags: [{ key: 'k', value: 'v' }] },
      }),
      role: ROLE,
      revision,
    });
    expect(other.status).toBe(201);
    expect(other.body.offerReplicateExisting).toBe(true);
    const raw = await s3.send(new GetBucketReplicationCommand({ Bucket: 'repl-src' }));
    expect(raw.ReplicationConfiguration?.Rules?.map((r) => r.Filter)).toEqual([
      {},
      { Prefix: 'logs/' },
      { And: { Prefix: 'a/', Tags: [{ Key: 'k', Value: 'v' }] } },
    ]);
  });

  it('refuses a stale revision (409), a taken name or priority, and bad rules with field errors', async () => {
    const stale = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({ id: 'late', priority: 9 }),
      role: ROLE,
      revision: null,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ReplicationConfigurationChanged');
    const { revision } = await config('repl-src');
    const taken = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({ priority: 9 }),
      role: ROLE,
      revision,
    });
    expect([taken.status, fields(taken.body)]).toEqual([409, ['rule.id']]);
    const prio = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({ id: 'new', priority: 2 }),
      role: ROLE,
      revision,
    });
    expect([prio.status, fields(prio.body)]).toEqual([409, ['rule.priority']]);
    const bad = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({
        id: '',
        scope: { type: 'filter', prefix: '', tags: [{ key: 't', value: '1' }] },
        deleteMarkerReplication: true,
        destinationBucket: '',
      }),
      role: 'not-a-role',
      revision,
    });
    expect(bad.status).toBe(400);
    expect([...new Set(fields(bad.body))].sort()).toEqual([
      'role',
      'rule.deleteMarkerReplication',
      'rule.destinationBucket',
      'rule.id',
    ]);
    const empty = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({ id: 'x', scope: { type: 'filter', prefix: '', tags: [] } }),
      role: ROLE,
      revision,
    });
    expect(fields(empty.body)).toEqual(['rule.scope.prefix']);
    expect((await config('repl-src')).rules).toHaveLength(3);
  });

  it('passes S3 refusing a rule (destination not versioned) through with its code', async () => {
    await c.json('POST', '/api/buckets', { name: 'unversioned-dst' });
    const { revision } = await config('repl-src');
    const res = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule({ id: 'nov', priority: 7, destinationBucket: 'unversioned-dst' }),
      role: ROLE,
      revision,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('InvalidRequest');
    expect(res.body.message).toMatch(/versioning/i);
  });

  it('edits one rule (disable, rename) and keeps what the form does not edit', async () => {
    // Metrics set outside the console must survive an edit in it.
    const before = await s3.send(new GetBucketReplicationCommand({ Bucket: 'repl-src' }));
    const cfg = before.ReplicationConfiguration;
    if (!cfg?.Rules) throw new Error('no configuration');
    cfg.Rules[1] = {
      ...cfg.Rules[1],
      Status: 'Enabled',
      Destination: {
        ...cfg.Rules[1]?.Destination,
        Bucket: 'arn:aws:s3:::repl-dst',
        Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
      },
    };
    await s3.send(new PutBucketReplicationCommand({ Bucket: 'repl-src', ReplicationConfiguration: cfg }));
    const read = await config('repl-src');
    expect(read.rules[1]?.otherSettings).toEqual(['Replication metrics']);
    const res = await c.json('PUT', '/api/buckets/repl-src/replication/rules/logs', {
      rule: { ...read.rules[1]?.rule, id: 'logs-renamed', status: 'Disabled' },
      role: ROLE,
      revision: read.revision,
    });
    expect(res.status).toBe(200);
    expect(res.body.offerReplicateExisting).toBe(false);
    const after = await s3.send(new GetBucketReplicationCommand({ Bucket: 'repl-src' }));
    expect(after.ReplicationConfiguration?.Rules?.map((r) => [r.ID, r.Status])).toEqual([
      ['to-dst', 'Enabled'],
      ['logs-renamed', 'Disabled'],
      ['tagged', 'Enabled'],
    ]);
    expect(after.ReplicationConfiguration?.Rules?.[1]?.Destination?.Metrics?.Status).toBe('Enabled');
    const missing = await c.json('PUT', '/api/buckets/repl-src/replication/rules/nope', {
      rule: rule({ id: 'nope', priority: 50 }),
      role: ROLE,
      revision: res.body.configuration.revision,
    });
    expect(missing.status).toBe(404);
  });

  it('deletes rules; the last one takes the configuration with it', async () => {
    let { revision } = await config('repl-src');
    const stale = await c.json('DELETE', '/api/buckets/repl-src/replication/rules/tagged?revision=old');
    expect(stale.status).toBe(409);
    const noRevision = await c.json('DELETE', '/api/buckets/repl-src/replication/rules/tagged');
    expect(fields(noRevision.body)).toEqual(['revision']);
    for (const id of ['tagged', 'logs-renamed']) {
      const res = await c.json(
        'DELETE',
        `/api/buckets/repl-src/replication/rules/${id}?revision=${revision}`,
      );
      expect(res.status).toBe(200);
      revision = ReplicationConfigResponse.parse(res.body).revision;
    }
    expect((await config('repl-src')).rules.map((r) => r.rule.id)).toEqual(['to-dst']);
    const last = await c.json(
      'DELETE',
      `/api/buckets/repl-src/replication/rules/to-dst?revision=${revision}`,
    );
    expect(ReplicationConfigResponse.parse(last.body)).toEqual({
      bucket: 'repl-src',
      role: null,
      rules: [],
      revision: null,
    });
  });
});

describe('Batch Replication job', () => {
  // The rule flow creates it as the wizard does: a Replicate job over a generated manifest, POST /api/jobs.
  const job = () => ({
    runOption: 'wait',
    manifest: {
      format: 'replication',
      generator: {
        sourceBucket: 'repl-src',
        replicationStatuses: ['NONE', 'FAILED'],
        output: { bucket: 'repl-dst2', prefix: 'manifests' },
      },
    },
    operation: { type: 'replicate' },
    description: 'Batch Replication for repl-src',
    priority: 10,
    report: { enabled: true, scope: 'AllTasks', bucket: 'repl-dst2', prefix: 'reports' },
    roleArn: ROLE,
    clientRequestToken: `t-${++token}`,
  });

  it('creates an S3ReplicateObject job over a generated manifest; the job list shows it', async () => {
    const saved = await c.json('POST', '/api/buckets/repl-src/replication/rules', {
      rule: rule(),
      role: ROLE,
      revision: null,
    });
    expect(saved.status).toBe(201);
    const res = await c.json('POST', '/api/jobs', job());
    expect(res.body).toMatchObject({ jobId: expect.any(String) });
    const details = await c.json('GET', `/api/jobs/${res.body.jobId}`);
    expect(details.body).toMatchObject({
      operation: 'S3ReplicateObject',
      confirmationRequired: true,
      manifest: null,
      roleArn: ROLE,
      description: 'Batch Replication for repl-src',
      report: { enabled: true, bucket: 'arn:aws:s3:::repl-dst2', scope: 'AllTasks' },
    });
    const list = await c.json('GET', '/api/jobs');
    expect(list.body.jobs.map((j: { jobId: string }) => j.jobId)).toContain(res.body.jobId);
  });
});
