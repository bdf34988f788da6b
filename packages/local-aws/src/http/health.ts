import type { HandlerResult } from './handler-types.js';
import type { RequestTarget } from './request-target.js';

/** The readiness path a CI health check polls; `_` is in no bucket name, so it shadows no S3 request. */
export const HEALTH_PATH = '/_batchops/health';

/** The services this endpoint speaks, as the health answer lists them. */
const SERVICES = ['s3', 's3control', 'iam', 'sts', 'lambda'] as const;

/** GET/HEAD /_batchops/health, unsigned: 200 with what is served; undefined for any other request. */
export function healthResult(method: string, target: RequestTarget): HandlerResult | undefined {
  if (target.rawPath !== HEALTH_PATH || (method !== 'GET' && method !== 'HEAD')) return undefined;
  const body = JSON.stringify({ status: 'running', services: SERVICES });
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    ...(method === 'GET' ? { body } : {}),
  };
}
