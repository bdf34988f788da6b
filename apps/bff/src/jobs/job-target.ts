import { JobIdParams, RegionQuery } from '@batchops/contracts';
import type { Request } from 'express';

/** The job and the Region of a `/:id` route. */
export interface JobTarget {
  readonly id: string;
  readonly region: string | undefined;
}

export function jobTarget(req: Request): JobTarget {
  const { id } = JobIdParams.parse(req.params);
  return { id, region: RegionQuery.parse(req.query).region };
}
