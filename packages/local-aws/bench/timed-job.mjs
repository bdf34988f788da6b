import { CreateJobCommand, DescribeJobCommand } from '@aws-sdk/client-s3-control';

const ENDED = ['Complete', 'Failed', 'Cancelled'];

/**
 * Create a job through `control` and time it from CreateJob to its end, seen through the in-process
 * engine's change events (no polling delay in the figure), or, for a local-aws in another process
 * (no `aws.engine`), through DescribeJob every 100 ms, each answer handed to `aws.onProgress`.
 * Its ID, end status, seconds and descriptor.
 */
export async function runTimedJob(aws, control, input) {
  let jobId;
  const ended = aws.engine
    ? new Promise((ok) => {
        const off = aws.engine().onChange((c) => {
          if (c.jobId === jobId && ENDED.includes(c.status)) {
            off();
            ok(c.status);
          }
        });
      })
    : undefined;
  const t0 = performance.now();
  ({ JobId: jobId } = await control.send(new CreateJobCommand(input)));
  const status = await (ended ?? polledEnd(aws, control, input.AccountId, jobId));
  const seconds = (performance.now() - t0) / 1000;
  const { Job } = await control.send(new DescribeJobCommand({ AccountId: input.AccountId, JobId: jobId }));
  return { jobId, status, seconds, job: Job };
}

async function polledEnd(aws, control, AccountId, JobId) {
  for (;;) {
    const { Job } = await control.send(new DescribeJobCommand({ AccountId, JobId }));
    aws.onProgress?.(Job);
    if (ENDED.includes(Job.Status)) return Job.Status;
    await new Promise((ok) => setTimeout(ok, 100));
  }
}
