import type { RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Mutating API calls must come from the console's own origin (no cross-site requests). */
export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  if (SAFE.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return next(new HttpError(403, 'CrossSiteRequest', 'Cross-site requests are refused.'));
  }
  const origin = req.get('origin');
  if (origin !== undefined) {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== req.get('host'))
      return next(new HttpError(403, 'CrossSiteRequest', 'Cross-origin requests are refused.'));
  }
  next();
};
