import type { RequestHandler } from 'express';

/**
 * Clickjacking guard: a page of another site could frame the console and lay its own content over
 * it; the framed console's requests are same-origin, so the CSRF checks do not stop them.
 * Every answer (SPA, API, refusals) says it may not be framed.
 */
export const noFraming: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  next();
};
