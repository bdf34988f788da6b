import { z } from 'zod';

export const ConnectionMode = z.enum(['local', 'aws']);
export type ConnectionMode = z.infer<typeof ConnectionMode>;

/** What the console is connected to. Never carries secrets. */
export const ConnectionInfo = z.object({
  mode: ConnectionMode,
  region: z.string(),
  accountId: z.string().regex(/^\d{12}$/),
  /** S3 / S3 Control endpoint; null means the AWS default endpoints. */
  endpoint: z.string().url().nullable(),
  /** What the embedded default seeds on its first start (local mode with the demo); null otherwise. */
  demo: z
    .object({
      roleArn: z.string(),
      sourceBucket: z.string(),
      reportsBucket: z.string(),
      manifestKey: z.string(),
    })
    .nullable(),
});
export type ConnectionInfo = z.infer<typeof ConnectionInfo>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
