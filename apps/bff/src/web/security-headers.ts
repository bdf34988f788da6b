import type { RequestHandler } from 'express';

/**
 * What the console may load and run: its own scripts, styles and API only (no inline script or
 * style element, no eval, no plugins), fonts and images also as data: URIs (the built CSS inlines
 * its fonts), and no page may frame it (decision 0011).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Every answer (SPA, API, refusals): the CSP above, no MIME sniffing (a JSON or text answer is
 * never run as script or HTML), and no framing — a framed console's requests are same-origin, so
 * the CSRF checks would not stop a page that overlays it (clickjacking).
 */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
};
