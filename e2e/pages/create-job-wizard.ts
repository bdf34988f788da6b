import type { Locator, Page } from '@playwright/test';
import { PermissionsField } from './permissions-field';

export interface TaggingJob {
  manifestUri: string;
  objectTag: { key: string; value: string };
  description: string;
  reportUri: string;
  reportScope?: 'All tasks' | 'Failed tasks only';
  jobTags?: { key: string; value: string }[];
  etag?: string;
}

/** The create-job wizard (Cloudscape Wizard). */
export class CreateJobWizard extends PermissionsField {
  readonly stepHeading: (name: string) => Locator;
  readonly nextButton: Locator;
  readonly createButton: Locator;
  readonly manifestUri: Locator;
  readonly manifestEtag: Locator;
  readonly description: Locator;
  readonly reportDestination: Locator;

  constructor(page: Page) {
    super(page);
    this.stepHeading = (name) => page.getByRole('heading', { level: 1, name });
    this.nextButton = page.getByRole('button', { name: 'Next' });
    this.createButton = page.getByRole('button', { name: 'Create job' });
    this.manifestUri = page.getByPlaceholder('s3://bucket/prefix/manifest.csv');
    this.manifestEtag = page.getByRole('textbox', { name: 'Manifest object ETag' });
    this.description = page.getByRole('textbox', { name: 'Description' });
    this.reportDestination = page.getByPlaceholder('s3://bucket/prefix/');
  }

  /** Step 1 with a CSV manifest object, then on to Choose operation. */
  async chooseCsvManifest(uri: string): Promise<void> {
    await this.stepHeading('Choose Region and manifest').waitFor();
    await this.manifestUri.fill(uri);
    await this.manifestUri.blur();
    await this.manifestEtag.and(this.page.locator('input:not([value=""])')).waitFor();
    await this.nextButton.click();
    await this.stepHeading('Choose operation').waitFor();
  }

  /**
   * Step 3: a description, an all-tasks report, run automatically, and (with `templateRole`) a role
   * created from the console's template under that name; then on to Review.
   */
  async fillOptionsAndReview(opts: {
    description: string;
    reportUri: string;
    runOption?: 'wait' | 'auto';
    templateRole?: string;
  }): Promise<void> {
    await this.nextButton.click();
    await this.stepHeading('Configure additional options').waitFor();
    await this.description.fill(opts.description);
    await this.page.getByRole('radio', { name: 'All tasks' }).check();
    await this.reportDestination.fill(opts.reportUri);
    if (opts.templateRole !== undefined) await this.createRoleFromTemplate(opts.templateRole);
    if ((opts.runOption ?? 'auto') === 'auto')
      await this.page.getByRole('radio', { name: 'Run automatically when ready' }).check();
    await this.nextButton.click();
    await this.stepHeading('Review').waitFor();
  }

  /** The Review step's AWS CLI command, opened. */
  async cliCommand(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Show AWS CLI command' }).click();
    return this.page.getByLabel('AWS CLI command', { exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('/batch-operations/create');
  }

  /** Fill the steps for a tagging job and stop on Review. */
  async fillTaggingJob(job: TaggingJob): Promise<void> {
    await this.stepHeading('Choose Region and manifest').waitFor();
    await this.manifestUri.fill(job.manifestUri);
    await this.manifestUri.blur();
    if (job.etag !== undefined) {
      // Wait for the ETag read from the object, then overwrite it.
      await this.manifestEtag.and(this.page.locator('input:not([value=""])')).waitFor();
      await this.manifestEtag.fill(job.etag);
    }
    await this.nextButton.click();
    await this.stepHeading('Choose operation').waitFor();
    await this.page.getByRole('radio', { name: 'Replace all object tags' }).check();
    await this.page.getByRole('textbox', { name: 'Tag key 1' }).fill(job.objectTag.key);
    await this.page.getByRole('textbox', { name: 'Tag value 1' }).fill(job.objectTag.value);
    await this.nextButton.click();
    await this.stepHeading('Configure additional options').waitFor();
    await this.description.fill(job.description);
    await this.page.getByRole('radio', { name: job.reportScope ?? 'All tasks' }).check();
    await this.reportDestination.fill(job.reportUri);
    for (const [i, tag] of (job.jobTags ?? []).entries()) {
      await this.page.getByRole('button', { name: 'Add tag' }).last().click();
      await this.page
        .getByRole('textbox', { name: `Tag key ${i + 1}` })
        .last()
        .fill(tag.key);
      await this.page
        .getByRole('textbox', { name: `Tag value ${i + 1}` })
        .last()
        .fill(tag.value);
    }
    await this.nextButton.click();
    await this.stepHeading('Review').waitFor();
  }
}
