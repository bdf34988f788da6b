import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { APIRequestContext } from '@playwright/test';
import { expectAccessible } from '../a11y';
import { demo, expect, test } from '../fixtures';
import { startAwsModeConsole } from '../support/console-process';
import { createTaggingJob, localAwsEndpoint, localS3, putObject } from '../support/local-aws';

// Issue 19 §1 "Done when": three jobs at different priorities running and one completed with
// failures; the dashboard shows the scheduler's order, throughput while they run, the top error
// code down to that job's report rows; the overview's counts open filtered lists; a console
// (here one in aws mode beside the tests' console, as against AWS) keeps its samples across a restart.

const WATCHER_PORT = Number(process.env.E2E_CONSOLE_PORT ?? 18080) + 1;

/** The demo manifest's rows `times` over: a job long enough to watch (the same objects retagged). */
async function longManifest(key: string, times: number): Promise<void> {
  const s3 = localS3();
  try {
    const out = await s3.send(
      new GetObjectCommand({ Bucket: demo.sourceBucket, Key: 'manifests/demo-manifest.csv' }),
    );
    const rows = (await out.Body?.transformToString())?.trim() ?? '';
    await putObject(demo.sourceBucket, key, `${Array.from({ length: times }, () => rows).join('\n')}\n`);
  } finally {
    s3.destroy();
  }
}

/** A console's progress samples of a job (GET /api/jobs/:id/progress). */
const samplesOf = async (url: string, jobId: string) =>
  ((await (await fetch(`${url}/api/jobs/${jobId}/progress`)).json()) as { samples: unknown[] }).samples;

const run = async (request: APIRequestContext, jobId: string) =>
  expect(
    (
      await request.post(`/api/jobs/${jobId}/run`, { headers: { 'content-type': 'application/json' } })
    ).status(),
  ).toBe(200);

test('the dashboard follows the queue, throughput and failures, and keeps its samples across a restart', async ({
  page,
  request,
  dashboard,
  jobsPage,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const dataDir = mkdtempSync(join(tmpdir(), 'batchops-e2e-watcher-'));
  let watcher = await startAwsModeConsole({ port: WATCHER_PORT, endpoint: localAwsEndpoint, dataDir });
  try {
    // A job over objects that are gone: it completes with NoSuchKey failures.
    await putObject(
      demo.sourceBucket,
      `manifests/dash-missing-${stamp}.csv`,
      `${demo.sourceBucket},images/2024/object-0001.jpg\n${demo.sourceBucket},images/2024/gone-${stamp}-1.jpg\n${demo.sourceBucket},images/2024/gone-${stamp}-2.jpg\n`,
    );
    const failing = await createTaggingJob(request, {
      description: `dash failing ${stamp}`,
      manifestKey: `manifests/dash-missing-${stamp}.csv`,
      runOption: 'auto',
      priority: 100,
    });

    // Three long jobs, confirmed together: the scheduler runs the highest priority first.
    await longManifest(`manifests/dash-long-${stamp}.csv`, 12);
    const [low, mid, high] = await Promise.all(
      [10, 50, 90].map((priority) =>
        createTaggingJob(request, {
          description: `dash priority ${priority} ${stamp}`,
          manifestKey: `manifests/dash-long-${stamp}.csv`,
          priority,
        }),
      ),
    );
    const three = [low, mid, high] as string[];
    await dashboard.goto();
    await expect(dashboard.heading).toBeVisible();
    // The highest from the dashboard's "Awaiting confirmation" (the job page's Run job dialog), the others by API.
    await page.getByRole('button', { name: `Run job ${high}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Run job' }).click();
    await expect(page.getByRole('button', { name: `Run job ${high}` })).toHaveCount(0);
    await run(request, mid as string);
    await run(request, low as string);

    await expect.poll(() => dashboard.activeOrder(three), { timeout: 20_000 }).toEqual([high, mid, low]);
    await expect(dashboard.activeJobs.getByRole('row').filter({ hasText: high as string })).toContainText(
      'Running',
    );
    await expect(dashboard.throughput).toHaveText(/^[0-9.]*[1-9][0-9.]* tasks\/s$/, { timeout: 20_000 });
    await expectAccessible(page, 'the dashboard with jobs running');
    // The README's picture (a copy is e2e/screenshots/dashboard.png), from the top of the page.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: test.info().outputPath('dashboard.png') });

    // The top error code opens the failing job's report rows of that code.
    const noSuchKey = dashboard.errorCodes.getByRole('row').filter({ hasText: 'NoSuchKey' });
    await expect(noSuchKey).toContainText(`${failing} (2)`);
    await noSuchKey.getByRole('link', { name: `${failing} (2)` }).click();
    await expect(page).toHaveURL(new RegExp(`/jobs/${failing}\\?reportFilter=NoSuchKey`));
    await expect(page.getByRole('searchbox', { name: 'Find report rows' })).toHaveValue('NoSuchKey');
    const reportRows = page.getByRole('table', { name: /Completion report/ }).getByRole('row');
    await expect(reportRows.filter({ hasText: 'NoSuchKey' })).toHaveCount(2);
    await expect(reportRows.filter({ hasText: 'succeeded' })).toHaveCount(0);

    // "Completed with failures" on the dashboard, then the overview's Complete count: filtered lists.
    await dashboard.goto();
    await dashboard.endedCount('Completed with failures').click();
    await expect(page).toHaveURL(/\/batch-operations\?status=CompletedWithFailures&endedWithinHours=24$/);
    await expect(jobsPage.row(failing)).toBeVisible();
    await expect(jobsPage.table.getByText('Completed with failures').first()).toBeVisible();
    await jobsPage.goto();
    await page.getByRole('group', { name: 'Awaiting confirmation', exact: true }).getByRole('link').click();
    await expect(page).toHaveURL(/\/batch-operations\?status=Suspended$/);
    await expect(jobsPage.row(high as string)).toHaveCount(0);
    // The watcher sampled the jobs with no page open; restarted, it still has them and its chart.
    await expect
      .poll(async () => (await samplesOf(watcher.url, high as string)).length, { timeout: 60_000 })
      .toBeGreaterThan(2);
    const before = await samplesOf(watcher.url, high as string);
    await watcher.stop();
    watcher = await startAwsModeConsole({ port: WATCHER_PORT, endpoint: localAwsEndpoint, dataDir });
    expect((await samplesOf(watcher.url, high as string)).slice(0, before.length)).toEqual(before);
    await dashboard.goto(watcher.url);
    await expect(dashboard.heading).toBeVisible();
    // The throughput chart is drawn from the samples alone: lost samples would leave it empty.
    await expect(page.getByText('Tasks per second', { exact: true }).first()).toBeVisible();
    await expect(dashboard.throughputChartEmpty).toHaveCount(0);
  } finally {
    // Stopped however the journey ends: a watcher left running would hold its port for the next run.
    await watcher.stop();
  }
});
