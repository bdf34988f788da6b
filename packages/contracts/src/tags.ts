import { z } from 'zod';

/** TagKeyString / TagValueString's pattern in the S3 Control model (S3 refuses the same characters). */
export const tagTextPattern = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const tagCharacters = 'only letters, numbers, spaces and _ . : / = + - @';

/** A job tag or an object tag (S3Tag of the model: key 1–128, value 0–256 characters, tagTextPattern). */
export const S3Tag = z.object({
  key: z
    .string()
    .min(1, 'a tag key is required')
    .max(128, 'at most 128 characters')
    .regex(tagTextPattern, tagCharacters),
  value: z.string().max(256, 'at most 256 characters').regex(tagTextPattern, tagCharacters),
});
export type S3Tag = z.infer<typeof S3Tag>;

/** How many tags S3 allows: on a job, on an object. */
export const tagLimits = { job: 50, object: 10 } as const;

/** Job tags: at most 50, keys unique. */
export const JobTags = z
  .array(S3Tag)
  .max(tagLimits.job, `at most ${tagLimits.job} tags`)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach((t, i) => {
      if (seen.has(t.key))
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate tag key ${t.key}` });
      seen.add(t.key);
    });
  });
