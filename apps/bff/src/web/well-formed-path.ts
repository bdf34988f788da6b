import type { RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.js';

/**
 * A path whose %-encoding does not decode (`%ZZ`, `%E0`, a lone surrogate) is the client's error:
 * refused with 400 before any route decodes its parameters (Express would throw a 500 there).
 */
export const wellFormedPath: RequestHandler = (req, _res, next) => {
  for (const segment of req.path.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      next(
        new HttpError(
          400,
          'MalformedPath',
          `The path segment ${JSON.stringify(segment.slice(0, 100))} is not valid percent-encoding (UTF-8, RFC 3986).`,
        ),
      );
      return;
    }
  }
  next();
};
