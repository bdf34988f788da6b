import { S3_XMLNS } from '../errors/service-error.js';
import { xmlResult } from '../http/handler-types.js';
import { el, elAttrs, renderXml, type XmlValue } from '../xml/xml-writer.js';
import { ownerOf } from './s3-context.js';

/** A 200 S3 response whose root carries the S3 namespace. */
export function s3Xml(root: string, ...children: XmlValue[]) {
  return xmlResult(renderXml(elAttrs(root, { xmlns: S3_XMLNS }, ...children)));
}

/** S3 header dates (Last-Modified…): RFC 7231. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** An `<Owner>` (or `<Initiator>`) element: the canonical user of an account (decision 0016). */
export function ownerXml(accountId: string, name: 'Owner' | 'Initiator' = 'Owner'): XmlValue {
  const owner = ownerOf(accountId);
  return el(name, el('ID', owner.id), el('DisplayName', owner.displayName));
}
