import { ServiceError } from '../errors/service-error.js';
import { queryValue, type RequestTarget } from './request-target.js';

/**
 * Who may talk to local-aws (decision 0006): only clients that name it by a loopback name (DNS
 * rebinding gives a page a foreign Host), and no browser (a page can send Origin-carrying
 * requests and form posts, with presigned URLs, but SDKs and the CLI never send those headers).
 */

/** The host name of a Host header or absolute-form authority, lowercased, without the port. */
function hostName(authority: string): string {
  const h = authority.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon !== -1 && /^\d*$/.test(h.slice(colon + 1)) ? h.slice(0, colon) : h;
}

/** Normalise a configured host name: IPv6 literals get their brackets, as in a Host header. */
function normalise(name: string): string {
  const h = name.trim().toLowerCase();
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h;
}

/**
 * localhost, 127.0.0.1 and [::1]; any `*.localhost` (virtual-hosted buckets, account-prefixed S3
 * Control hosts); `<prefix>.127.0.0.1` (the CLI behind HTTP_PROXY names `000000000000.127.0.0.1`);
 * the listen host and the configured extra names. Any port.
 */
export function createHostCheck(listenHost: string, allowedHosts: readonly string[] = []) {
  const exact = new Set([
    'localhost',
    '127.0.0.1',
    '[::1]',
    normalise(listenHost),
    ...allowedHosts.map(normalise),
  ]);
  const allowed = (name: string) =>
    exact.has(name) || name.endsWith('.localhost') || /^[a-z0-9-]+\.127\.0\.0\.1$/.test(name);
  const check = (authority: string | undefined) => {
    if (allowed(hostName(authority ?? ''))) return;
    throw new ServiceError(
      403,
      'AccessDenied',
      `local-aws answers only to loopback host names (localhost, 127.0.0.1, [::1], *.localhost) and its configured hosts, not '${authority ?? ''}'.`,
    );
  };
  /** The Host header and, for an absolute-form target (HTTP_PROXY), its authority too. */
  return (host: string | undefined, url: string): void => {
    check(host);
    const absolute = url.match(/^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i)?.[1];
    if (absolute !== undefined) check(absolute);
  };
}

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain'];

/**
 * Refuse what only a browser sends: an Origin header (local-aws has no CORS), a cross-site or
 * same-site Sec-Fetch-Site, and a POST with a form content type unless it is CreateMultipartUpload
 * (whose Content-Type is the new object's and whose body is empty) or signed in an Authorization
 * header, which no HTML form can send (IAM, STS: form bodies by design; S3 clients that label XML
 * text/plain).
 */
export function refuseBrowserRequest(
  method: string,
  headers: NodeJS.Dict<string[]>,
  target: RequestTarget,
): void {
  if (headers.origin !== undefined) {
    throw new ServiceError(
      403,
      'AccessForbidden',
      'CORSResponse: local-aws does not answer browser cross-origin requests (Origin header).',
      { Method: method },
    );
  }
  const site = headers['sec-fetch-site']?.[0]?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') {
    throw new ServiceError(
      403,
      'AccessForbidden',
      `CORSResponse: local-aws does not answer browser requests from another site (Sec-Fetch-Site: ${site}).`,
      { Method: method },
    );
  }
  if (method !== 'POST') return;
  const type = headers['content-type']?.[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  const createMultipart = target.query.has('uploads') && queryValue(target, 'uploadId') === undefined;
  const signedInHeader = headers.authorization !== undefined;
  if (FORM_TYPES.includes(type) && !createMultipart && !signedInHeader) {
    throw new ServiceError(
      403,
      'AccessDenied',
      `local-aws does not accept browser form posts (Content-Type: ${type}).`,
    );
  }
}
