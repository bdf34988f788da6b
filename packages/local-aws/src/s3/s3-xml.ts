import { S3_XMLNS } from '../errors/service-error.js';
import { xmlResult } from '../http/handler-types.js';
import { elAttrs, renderXml, type XmlValue } from '../xml/xml-writer.js';

/** A 200 S3 response whose root carries the S3 namespace. */
export function s3Xml(root: string, ...children: XmlValue[]) {
  return xmlResult(renderXml(elAttrs(root, { xmlns: S3_XMLNS }, ...children)));
}

/** S3 header dates (Last-Modified…): RFC 7231. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
