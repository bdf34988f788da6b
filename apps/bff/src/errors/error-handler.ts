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
    // The SPA's assets and pages answer in plain text; the API in JSON.
    if (req.originalUrl === '/api' || req.originalUrl.startsWith('/api/')) res.status(status).json(body);
    else res.status(status).type('text/plain').send(`${body.message}\n`);
  };
}

export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'NotFound', `No API route ${req.method} ${req.path}.`));
};
