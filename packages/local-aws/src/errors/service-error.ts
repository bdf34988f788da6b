import { el, elAttrs, renderXml } from '../xml/xml-writer.js';

/** The one error type of local-aws: an S3 / S3 Control error code with its HTTP status. */
export class ServiceError extends Error {
  /** Response headers S3 sends with this error (x-amz-delete-marker…). */
  headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra elements S3 puts beside Code/Message (Resource, Key, BucketName…). */
    readonly extra: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** How a service answers errors: S3's XML, S3 Control's XML, Lambda's REST-JSON, IAM / STS Query XML. */
export type Protocol = 's3' | 's3control' | 'lambda' | 'iam' | 'sts';

export const S3CONTROL_XMLNS = 'http://awss3control.amazonaws.com/doc/2018-08-20/';
export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
export const IAM_XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';
export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/**
 * S3 Control wraps the error in <ErrorResponse> (Go SDK v2 requires it); S3 uses a bare <Error>.
 * Both carry RequestId and HostId; the SDKs read the request id from the header first.
 */
export function renderError(
  protocol: Protocol,
  err: ServiceError,
  requestId: string,
  hostId: string,
): string {
  // Lambda (REST-JSON): the code travels in x-amzn-ErrorType, the body carries Type and Message.
  if (protocol === 'lambda')
    return JSON.stringify({
      Type: err.status >= 500 ? 'Service' : 'User',
      Message: err.message,
      // Lambda's throttling names its cause; S3's extra elements (StringToSign…) are not Lambda's.
      ...(err.extra.Reason !== undefined ? { Reason: err.extra.Reason } : {}),
    });
  const extra = Object.entries(err.extra).map(([k, v]) => el(k, v));
  // The Query protocol (IAM, STS): Type tells a caller's fault (Sender) from the service's.
  if (protocol === 'iam' || protocol === 'sts') {
    return renderXml(
      elAttrs(
        'ErrorResponse',
        { xmlns: protocol === 'iam' ? IAM_XMLNS : STS_XMLNS },
        el(
          'Error',
          el('Type', err.status >= 500 ? 'Receiver' : 'Sender'),
          el('Code', err.code),
          el('Message', err.message),
        ),
        el('RequestId', requestId),
      ),
    );
  }
  if (protocol === 's3control') {
    return renderXml(
      elAttrs(
        'ErrorResponse',
        { xmlns: S3CONTROL_XMLNS },
        el('Error', el('Code', err.code), el('Message', err.message), extra),
        el('RequestId', requestId),
        el('HostId', hostId),
      ),
    );
  }
  return renderXml(
    el(
      'Error',
      el('Code', err.code),
      el('Message', err.message),
      extra,
      el('RequestId', requestId),
      el('HostId', hostId),
    ),
  );
}
