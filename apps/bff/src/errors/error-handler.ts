import { type ApiError, toFieldErrors } from '@batchops/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { HttpError } from './http-error.js';

interface SdkServiceError {
  name: string;
  message: string;
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode?: number; requestId?: string };
}

function isSdkServiceError(e: unknown): e is SdkServiceError {
  return typeof e === 'object' && e !== null && '$fault' in e && '$metadata' in e;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** Service error codes that mean the keys themselves were refused (wrong, expired or unknown). */
const CREDENTIALS_REFUSED = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidToken',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
]);

/** The SDK found no credentials (or no SSO token) in the standard provider chain. */
const CREDENTIALS_MISSING = new Set(['CredentialsProviderError', 'TokenProviderError']);

const CREDENTIALS_HINT =
  'set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) for the console, or run `aws sso login` for an SSO profile';

/** An error of Express's body parser (http-errors with a `type`). */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
  limit?: number;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    e instanceof Error &&
    typeof (e as { type?: unknown }).type === 'string' &&
    typeof (e as { status?: unknown }).status === 'number'
  );
}

/** A body sent with `Content-Encoding: gzip|deflate|br` that does not inflate (zlib: `Z_*`, brotli: `ERR__*`). */
function isInflateError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^(Z_|ERR__)/.test(code);
}

function bodyError(err: BodyParserError): { status: number; body: ApiError } {
  const answer = (status: number, code: string, message: string) => ({
    status,
    body: { code, message, fieldErrors: [] },
  });
  switch (err.type) {
    case 'entity.parse.failed':
      return answer(400, 'MalformedJson', `The request body is not valid JSON: ${err.message}`);
    case 'entity.too.large': {
      const mb = Math.round(((err.limit ?? 0) / 1024 / 1024) * 10) / 10;
      return answer(413, 'PayloadTooLarge', `The request body is larger than ${mb} MB.`);
    }
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer(415, 'UnsupportedMediaType', err.message);
    default:
      return answer(err.status >= 400 && err.status < 500 ? err.status : 400, 'BadRequest', err.message);
  }
}

/** Map anything thrown in a route to a status and the one ApiError body. */
export function toApiError(err: unknown): { status: number; body: ApiError } {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      body: { code: err.code, message: err.message, fieldErrors: err.fieldErrors },
    };
  }
  if (err instanceof ZodError) {
    return {
      status: 400,
      body: {
        code: 'ValidationError',
        message: 'The request is not valid.',
        fieldErrors: toFieldErrors(err.issues),
      },
    };
  }
  if (isBodyParserError(err)) return bodyError(err);
  if (isInflateError(err)) {
    return {
      status: 400,
      body: {
        code: 'MalformedJson',
        message: `The request body could not be decompressed: ${(err as Error).message}`,
        fieldErrors: [],
      },
    };
  }
  if (err instanceof Error && CREDENTIALS_MISSING.has(err.name)) {
    return {
      status: 503,
      body: {
        code: 'CredentialsMissing',
        message: `no AWS credentials found: ${CREDENTIALS_HINT} (${err.message})`,
        fieldErrors: [],
      },
    };
  }
  if (isSdkServiceError(err) && CREDENTIALS_REFUSED.has(err.name)) {
    // The console's own keys, not the user's request: the upstream refused us (502).
    return {
      status: 502,
      body: {
        code: err.name,
        message: `The endpoint refused the console's AWS credentials (${err.message}): ${CREDENTIALS_HINT}.`,
        fieldErrors: [],
        ...(err.$metadata.requestId ? { requestId: err.$metadata.requestId } : {}),
      },
    };
  }
  if (isSdkServiceError(err)) {
    const upstream = err.$metadata.httpStatusCode ?? 500;
    // The S3 error code is kept; an AWS-side failure is the BFF's upstream failing (502).
    const status = err.$fault === 'server' || upstream >= 500 ? 502 : upstream;
    return {
      status,
      body: {
        code: err.name,
        message: err.message,
        fieldErrors: [],
        ...(err.$metadata.requestId ? { requestId: err.$metadata.requestId } : {}),
      },
    };
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) {
    return {
      status: 502,
      body: {
        code: 'EndpointUnreachable',
        message: `S3 / S3 Control endpoint unreachable (${code}).`,
        fieldErrors: [],
      },
    };
  }
  return {
    status: 500,
    body: { code: 'InternalError', message: 'Internal error in the console backend.', fieldErrors: [] },
  };
}

export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, body } = toApiError(err);
    if (status >= 500 || res.headersSent)
      log(`${req.method} ${req.originalUrl} → ${status} ${body.code}: ${(err as Error)?.stack ?? err}`);
    // A stream (SSE, a file) already started: the status cannot change, so end it.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // The SPA's assets and pages answer in plain text; the API in JSON. `req.path`, not the
    // target: an absolute-form target (`GET http://host/api/…`) starts with its scheme.
    if (req.path === '/api' || req.path.startsWith('/api/')) res.status(status).json(body);
    else res.status(status).type('text/plain').send(`${body.message}\n`);
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'NotFound', `No API route ${req.method} ${req.path}.`));
};
