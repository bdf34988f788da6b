import type { Request, RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `scheme://host[:port]` of a URL, normalised as browsers send Origin; undefined when not a URL. */
function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

const ownOrigin = (req: Request) => originOf(`${req.protocol}://${req.get('host') ?? ''}`);

/**
 * API calls must come from the console's own origin. A browser's cross-site request is refused
 * whatever its method: a read is opaque to the page, but a no-cors fetch of an SSE route would
 * hold one of the client's live-stream slots. Mutations also need a same-origin Origin, when sent.
 */
export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return next(new HttpError(403, 'CrossSiteRequest', 'Cross-site requests are refused.'));
  }
  if (SAFE.has(req.method)) return next();
  const origin = req.get('origin');
  if (origin !== undefined) {
    const own = ownOrigin(req);
    if (own === undefined || originOf(origin) !== own)
      return next(new HttpError(403, 'CrossSiteRequest', 'Cross-origin requests are refused.'));
  }
  next();
};
