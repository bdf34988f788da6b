import type { RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * State-changing API calls must say `Content-Type: application/json`, body or not: a plain HTML
 * form or a "simple" cross-site fetch cannot send that type without a CORS preflight.
 */
export const jsonMutationsOnly: RequestHandler = (req, _res, next) => {
  if (!STATE_CHANGING.has(req.method)) return next();
  const type = req.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return next();
  next(
    new HttpError(
      415,
      'UnsupportedMediaType',
      `${req.method} needs Content-Type: application/json (got ${type || 'none'}).`,
    ),
  );
};
