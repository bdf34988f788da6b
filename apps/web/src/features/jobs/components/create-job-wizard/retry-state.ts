import { JobWizardModel } from '@batchops/contracts';
import { z } from 'zod';

/** What "Retry failed tasks" hands the create page in the history entry (it survives a reload). */
export const RetryState = z.object({
  retry: z.object({ from: z.string(), tasks: z.number(), manifestKey: z.string(), model: JobWizardModel }),
});
export type RetryState = z.infer<typeof RetryState>;
