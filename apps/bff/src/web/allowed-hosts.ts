import type { RequestHandler } from 'express';
import { HttpError } from '../errors/http-error.js';

/** Loopback names are always allowed: a page can only reach them from this machine. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header, without the port, lower-cased (`[::1]` keeps its brackets). */
function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(0, end + 1) : undefined;
  }
  const colon = h.indexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/**
 * DNS rebinding guard: a page of another site whose name resolves to this machine sends its own
 * name as Host. Only loopback names and the configured ones are served (API and SPA alike).
 */
export function allowedHostsOnly(configured: readonly string[]): RequestHandler {
  const allowed = new Set([...LOOPBACK, ...configured.map((h) => h.toLowerCase())]);
  return (req, _res, next) => {
    // An absolute-form target (`GET http://name/…`) names the host the request is for (RFC 9112
    // §3.2.2), whatever Host says: both must be allowed.
    const authority = req.originalUrl.match(/^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i)?.[1];
    const names = [req.get('host'), ...(authority === undefined ? [] : [authority])].map(hostName);
    const refused = names.findIndex((n) => n === undefined || !allowed.has(n));
    if (refused === -1) return next();
    const name = names[refused];
    next(
      new HttpError(
        403,
        'HostNotAllowed',
        `Host ${name ?? '(none)'} is not served: open the console at localhost, or add the name to BATCHOPS_ALLOWED_HOSTS.`,
      ),
    );
  };
}
