import { JobIdParams, RegionQuery } from '@batchops/contracts';
import type { Request } from 'express';

/** The job and the Region of a `/:id` route. */
export function jobTarget(req: Request): { id: string; region: string | undefined } {
  const { id } = JobIdParams.parse(req.params);
  return { id, region: RegionQuery.parse(req.query).region };
}
