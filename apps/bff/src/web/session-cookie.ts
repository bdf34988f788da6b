import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler } from 'express';

// A browser session of the console: a random ID in an HttpOnly, SameSite=Strict cookie, so that
// limits per user (live streams) tell browsers apart where every client is 127.0.0.1.

const COOKIE = 'batchops_session';
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

/** The session ID the request's cookie carries, when it carries a well-formed one. */
export function sessionOf(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === COOKIE) {
      const value = part.slice(eq + 1).trim();
      if (WELL_FORMED.test(value)) return value;
    }
  }
  return undefined;
}

/** Give a request without a session a new one (32 random bytes); the cookie ends with the browser session. */
export const sessionCookie: RequestHandler = (req, res, next) => {
  if (sessionOf(req) === undefined)
    res.append(
      'Set-Cookie',
      `${COOKIE}=${randomBytes(32).toString('base64url')}; Path=/; HttpOnly; SameSite=Strict`,
    );
  next();
};
