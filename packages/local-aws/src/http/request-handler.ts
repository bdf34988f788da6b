import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Engine } from '@batchops/engine';
import { type Protocol, renderError, ServiceError } from '../errors/service-error.js';
import type { IamServices } from '../iam/iam-action-types.js';
import { routeQuery } from '../iam/iam-router.js';
import { ANONYMOUS_PRINCIPAL } from '../iam/principal.js';
import { routeLambda } from '../lambda/lambda-router.js';
import type { LambdaService } from '../lambda/lambda-service.js';
import type { S3Services } from '../s3/s3-context.js';
import { routeS3 } from '../s3/s3-router.js';
import { routeS3Control } from '../s3control/s3control-router.js';
import { type Credential, type VerifiedIdentity, verifySigV4 } from '../sigv4/verify-sigv4.js';
import { readBody } from '../xml/xml-reader.js';
import type { HandlerResult, RequestHandler } from './handler-types.js';
import { healthResult } from './health.js';
import { signedBody } from './request-body.js';
import { createHostCheck, refuseBrowserRequest } from './request-guards.js';
import { parseRequestTarget, type RequestTarget } from './request-target.js';
import { readBufferedBody, serviceOf, serviceOfTarget } from './service-dispatch.js';

/** An HTTP request as local-aws reads it (an IncomingMessage fits; tests can build one). */
export interface RequestHandlerDeps {
  /** The accounts' root keys. */
  readonly credentials: readonly Credential[];
  /** Other keys: IAM users' access keys and role sessions (decision 0022). */
  readonly lookupKey?: (accessKeyId: string) => Credential | undefined;
  /** IAM and STS; without it their requests are refused like any unknown S3 request. */
  readonly iam?: IamServices;
  readonly s3: S3Services;
  readonly engine: Engine;
  readonly lambda: LambdaService;
  /** The host local-aws listens on and extra names it answers to (decision 0006). */
  readonly listenHost: string;
  readonly allowedHosts?: readonly string[];
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

// Request ids: a random prefix per process and a counter (random bytes per request cost CPU).
const idPrefix = randomBytes(4).toString('hex').toUpperCase();
let idCounter = 0;
const hostIdBase = randomBytes(24).toString('base64');

/** The error protocol of a request: that of the service it is for (`service-dispatch.ts`). */
export function protocolOf(req: { url: string; headers: NodeJS.Dict<string[]> }): Protocol {
  return serviceOf(req.url, req.headers);
}

/** Query-protocol bodies are small (a policy is at most 10 KB): read whole before the signature check. */
const MAX_QUERY_BODY = 1024 * 1024;

/** The 500 of each protocol, as S3 and S3 Control answer an internal failure. */
export function internalError(protocol: Protocol): ServiceError {
  return new ServiceError(
    500,
    protocol === 's3'
      ? 'InternalError'
      : protocol === 's3control'
        ? 'InternalServiceException'
        : protocol === 'lambda'
          ? 'ServiceException'
          : 'ServiceFailure',
    'We encountered an internal error. Please try again.',
  );
}

/** IAM and STS name an unknown key InvalidClientTokenId. */
function queryProtocolError(err: ServiceError): ServiceError {
  if (err.code === 'InvalidAccessKeyId')
    return new ServiceError(
      403,
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
    );
  return err;
}

/** An error as the response of its protocol, with the request's ids. */
export function errorResult(
  protocol: Protocol,
  err: ServiceError,
  method: string,
  ids: { requestId: string; hostId: string },
): HandlerResult {
  if (protocol === 'lambda') {
    return {
      status: err.status,
      headers: {
        'content-type': 'application/json',
        ...err.headers,
        'x-amzn-errortype': err.code,
        'x-amzn-requestid': ids.requestId,
        server: 'batchops-local-aws',
      },
      body: method === 'HEAD' ? undefined : renderError(protocol, err, ids.requestId, ids.hostId),
    };
  }
  const query = protocol === 'iam' || protocol === 'sts';
  return {
    status: err.status,
    headers: {
      'content-type': query ? 'text/xml' : 'application/xml',
      ...(query ? { 'x-amzn-requestid': ids.requestId } : {}),
      ...err.headers,
      'x-amz-request-id': ids.requestId,
      'x-amz-id-2': ids.hostId,
      server: 'batchops-local-aws',
    },
    body:
      method === 'HEAD'
        ? undefined
        : renderError(protocol, query ? queryProtocolError(err) : err, ids.requestId, ids.hostId),
  };
}

/** An S3 request with no signature at all (neither an Authorization header nor a presigned query). */
const isUnsigned = (headers: NodeJS.Dict<string[]>, target: RequestTarget) =>
  headers.authorization === undefined &&
  !['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'AWSAccessKeyId', 'Signature'].some((k) =>
    target.query.has(k),
  );

/** Who an unsigned S3 request is: nobody, held to what buckets grant everyone (decision 0032). */
const anonymousIdentity = (region: string): VerifiedIdentity => ({
  accessKeyId: '',
  accountId: '',
  principal: ANONYMOUS_PRINCIPAL,
  region,
  service: 's3',
  // Nothing is signed: the body is taken as sent, as for UNSIGNED-PAYLOAD.
  payloadHash: 'UNSIGNED-PAYLOAD',
  chunkSigning: { key: Buffer.alloc(0), amzDate: '', scope: '', seedSignature: '' },
});

/**
 * Read and drop whatever body is left unread, so the connection can be reused; a signature check
 * failing on those bytes then has nobody to tell.
 */
function drain(raw: Readable, body: Readable | undefined): void {
  if (body !== undefined && body !== raw && !body.readableEnded) {
    body.on('error', () => {});
    // The checking streams may already be destroyed (a reader gave up): take the bytes off them.
    raw.unpipe();
    body.destroy();
  }
  if (!raw.readableEnded) raw.resume();
}

/**
 * One request in, one response out, without a socket: the Host and browser checks, SigV4, the
 * body tied to the signature, then the S3 or S3 Control router. Never rejects: every failure is
 * the error response of the request's protocol.
 */
export function createRequestHandler(deps: RequestHandlerDeps): RequestHandler {
  const keys = new Map(deps.credentials.map((c) => [c.accessKeyId, c]));
  const lookup = (id: string) => keys.get(id) ?? deps.lookupKey?.(id);
  const checkHost = createHostCheck(deps.listenHost, deps.allowedHosts);

  return async (req) => {
    const n = ++idCounter;
    const ids = {
      requestId: `${idPrefix}${n.toString(16).toUpperCase().padStart(8, '0')}`,
      hostId: `${hostIdBase}${n.toString(36)}`,
    };
    // Parsed once: the service it is for and every layer below read this one target.
    const target = parseRequestTarget(req.url);
    const protocol = serviceOfTarget(target, req.headers);
    let result: HandlerResult;
    let body: Readable | undefined;
    try {
      checkHost(req.headers.host?.[0], req.url);
      const query = protocol === 'iam' || protocol === 'sts';
      refuseBrowserRequest(req.method, req.headers, target);
      const health = healthResult(req.method, target);
      if (health) result = health;
      else if (query && deps.iam) {
        const raw = await readBody(req.body, MAX_QUERY_BODY);
        const identity = verifySigV4(
          { method: req.method, target, headers: req.headers },
          lookup,
          deps.now(),
          createHash('sha256').update(raw).digest('hex'),
        );
        const params = new URLSearchParams(target.rawQuery);
        if (req.method === 'POST')
          for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) params.append(k, v);
        result = routeQuery(
          { service: protocol, params, principal: identity.principal, requestId: ids.requestId },
          deps.iam,
        );
      } else {
        // Lambda signs the body's hash without sending it: read the body and hash it first.
        let raw: Readable = req.body;
        let bodySha256: string | undefined;
        if (protocol === 'lambda' && req.headers['x-amz-content-sha256'] === undefined) {
          const { bytes, sha256 } = await readBufferedBody(req.body);
          bodySha256 = sha256;
          raw = Readable.from([bytes]);
        }
        const identity =
          protocol === 's3' && isUnsigned(req.headers, target)
            ? anonymousIdentity(deps.s3.region)
            : verifySigV4(
                { method: req.method, target, headers: req.headers },
                lookup,
                deps.now(),
                bodySha256,
              );
        const signed = signedBody(raw, req.headers, identity);
        body = signed.body;
        const ctx = { method: req.method, target, headers: req.headers, identity, ...signed };
        result =
          protocol === 's3control'
            ? await routeS3Control(ctx, deps.engine, deps.iam?.authorizer, deps.s3.publicAccessBlocks)
            : protocol === 'lambda'
              ? await routeLambda(ctx, deps.lambda)
              : await routeS3(ctx, deps.s3);
      }
    } catch (e) {
      if (!(e instanceof ServiceError))
        deps.log(`internal error on ${req.method} ${req.url}: ${(e as Error).stack ?? e}`);
      const err = e instanceof ServiceError ? e : internalError(protocol);
      drain(req.body, body);
      return errorResult(protocol, err, req.method, ids);
    }
    drain(req.body, body);
    return { status: result.status, headers: withIds(protocol, result.headers, ids), body: result.body };
  };
}

/** A result's headers and the request's ids (Lambda's may be overridden by the result, the others not). */
function withIds(
  protocol: Protocol,
  given: Readonly<Record<string, string>> | undefined,
  ids: { requestId: string; hostId: string },
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (protocol === 'lambda') headers['x-amzn-requestid'] = ids.requestId;
  if (given !== undefined) for (const name in given) headers[name] = given[name] as string;
  headers['x-amz-request-id'] = ids.requestId;
  if (protocol === 'iam' || protocol === 'sts') headers['x-amzn-requestid'] = ids.requestId;
  headers['x-amz-id-2'] = ids.hostId;
  headers.server = 'batchops-local-aws';
  return headers;
}
