import {
  CreateJobCommand,
  DescribeJobCommand,
  type JobDescriptor,
  PutJobTaggingCommand,
  UpdateJobPriorityCommand,
  UpdateJobStatusCommand,
} from '@aws-sdk/client-s3-control';
import type {
  CliCommandResponse,
  JobDetails,
  JobListItem,
  JobUpdateResponse,
  JobWizardModel,
  ListJobsQuery,
  ListJobsResponse,
  S3Tag,
} from '@batchops/contracts';
import { jobsWithErrorCode } from '../dashboard/dashboard-service.js';
import { createJobSnippets } from './cli-command.js';
import { estimateCost } from './estimate/estimate-service.js';
import { matchesTags, matchesText, matchesWithoutTags, needsTags, sortAndPage } from './job-query.js';
import { toJobDetails } from './jobs-mapping.js';
import type { JobsServiceDeps } from './jobs-service-deps.js';
import { withRates } from './live/job-rate.js';
import { resolveManifest } from './manifest-object.js';
import { toSdkTags } from './sdk-tags.js';
import { toCreateJobRequest, toWizardModel } from './wizard-mapping.js';

/** Every job of the Region (all pages of ListJobs), filtered, sorted and paged; rows carry tags. */
export async function listJobs(deps: JobsServiceDeps, q: ListJobsQuery): Promise<ListJobsResponse> {
  const region = q.region ?? deps.region;
  const { s3control } = deps.clientsFor(region);
  let jobs = (await deps.cache.list(s3control, region)).filter((j) => matchesWithoutTags(j, q));
  if (q.errorCode) {
    const withCode = await jobsWithErrorCode(deps, region, jobs, q.errorCode);
    jobs = jobs.filter((j) => withCode.has(j.jobId));
  }
  let tags: Map<string, S3Tag[]> | undefined;
  if (needsTags(q)) {
    tags = await deps.cache.tagsOf(
      s3control,
      jobs.map((j) => j.jobId),
    );
    jobs = jobs.filter((j) => {
      const own = tags?.get(j.jobId) ?? [];
      return matchesTags(own, q) && matchesText(j, own, q);
    });
  }
  const { page, total } = sortAndPage(jobs, q);
  const pageTags =
    tags ??
    (await deps.cache.tagsOf(
      s3control,
      page.map((j) => j.jobId),
    ));
  const rows: JobListItem[] = withRates(deps.history, region, page, deps.now()).map((j) => ({
    ...j,
    tags: pageTags.get(j.jobId) ?? [],
  }));
  return { jobs: rows, total, page: q.page, pageSize: q.pageSize };
}

export async function describe(deps: JobsServiceDeps, jobId: string, region: string): Promise<JobDescriptor> {
  const out = await deps
    .clientsFor(region)
    .s3control.send(new DescribeJobCommand({ AccountId: deps.accountId, JobId: jobId }));
  return out.Job ?? {};
}

/** DescribeJob and the job's tags (through the cache). */
async function describeWithTags(
  deps: JobsServiceDeps,
  jobId: string,
  region: string,
): Promise<{ job: JobDescriptor; tags: S3Tag[] }> {
  const job = await describe(deps, jobId, region);
  const tags = await deps.cache.tagsOf(deps.clientsFor(region).s3control, [jobId]);
  return { job, tags: tags.get(jobId) ?? [] };
}

export async function getJob(
  deps: JobsServiceDeps,
  jobId: string,
  region = deps.region,
): Promise<JobDetails> {
  const { job, tags } = await describeWithTags(deps, jobId, region);
  return toJobDetails(job, tags);
}

/** The wizard's model → CreateJob (the manifest's ETag read when the user gave none). */
export async function createJob(deps: JobsServiceDeps, model: JobWizardModel): Promise<{ jobId: string }> {
  const region = model.region ?? deps.region;
  const clients = deps.clientsFor(region);
  const manifest =
    model.manifest.format === 'replication' ? null : await resolveManifest(clients.s3, model.manifest);
  const out = await clients.s3control.send(
    new CreateJobCommand(toCreateJobRequest(model, deps.accountId, manifest)),
  );
  const jobId = out.JobId ?? '';
  deps.cache.setTags(jobId, model.tags);
  deps.cache.invalidate();
  return { jobId };
}

/** UpdateJobStatus: confirm (Ready) or cancel; the job list is read again. */
async function requestStatus(
  deps: JobsServiceDeps,
  jobId: string,
  requested: 'Ready' | 'Cancelled',
  reason: string | undefined,
  region: string,
): Promise<JobUpdateResponse> {
  const out = await deps.clientsFor(region).s3control.send(
    new UpdateJobStatusCommand({
      AccountId: deps.accountId,
      JobId: jobId,
      RequestedJobStatus: requested,
      ...(reason ? { StatusUpdateReason: reason } : {}),
    }),
  );
  deps.cache.invalidate();
  return { jobId, ...(out.Status ? { status: out.Status } : {}) };
}

export const runJob = (
  deps: JobsServiceDeps,
  jobId: string,
  region = deps.region,
): Promise<JobUpdateResponse> => requestStatus(deps, jobId, 'Ready', undefined, region);

export const cancelJob = (
  deps: JobsServiceDeps,
  jobId: string,
  reason: string | undefined,
  region = deps.region,
): Promise<JobUpdateResponse> => requestStatus(deps, jobId, 'Cancelled', reason, region);

export async function updatePriority(
  deps: JobsServiceDeps,
  jobId: string,
  priority: number,
  region = deps.region,
): Promise<JobUpdateResponse> {
  const out = await deps
    .clientsFor(region)
    .s3control.send(
      new UpdateJobPriorityCommand({ AccountId: deps.accountId, JobId: jobId, Priority: priority }),
    );
  deps.cache.invalidate();
  return { jobId, priority: out.Priority ?? priority };
}

export async function replaceTags(
  deps: JobsServiceDeps,
  jobId: string,
  tags: S3Tag[],
  region = deps.region,
): Promise<JobUpdateResponse> {
  await deps
    .clientsFor(region)
    .s3control.send(
      new PutJobTaggingCommand({ AccountId: deps.accountId, JobId: jobId, Tags: toSdkTags(tags) }),
    );
  deps.cache.setTags(jobId, tags);
  return { jobId, tags };
}

/** A job's settings as a wizard model with a new ClientRequestToken. */
export async function cloneJob(
  deps: JobsServiceDeps,
  jobId: string,
  region = deps.region,
): Promise<JobWizardModel> {
  const { job, tags } = await describeWithTags(deps, jobId, region);
  return toWizardModel(job, tags, region);
}

/** The `aws s3control create-job …` command the wizard's model would run. */
export async function cliCommand(deps: JobsServiceDeps, model: JobWizardModel): Promise<CliCommandResponse> {
  const region = model.region ?? deps.region;
  const manifest =
    model.manifest.format === 'replication'
      ? null
      : await resolveManifest(deps.clientsFor(region).s3, model.manifest).catch(() => ({
          // The command is still useful when the manifest cannot be read yet; the user fills the ETag in.
          etag: model.manifest.etag ?? '<manifest-etag>',
          fields: undefined,
        }));
  const { summary } = await estimateCost(deps, model);
  return createJobSnippets(
    toCreateJobRequest(model, deps.accountId, manifest),
    { region, endpoint: deps.endpoint },
    summary,
  );
}
