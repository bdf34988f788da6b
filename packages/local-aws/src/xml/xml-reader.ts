import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ServiceError } from '../errors/service-error.js';

// The one XML reader of local-aws: namespace-agnostic, order-free, every value a string.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  processEntities: true,
});

export type XmlNode = { [name: string]: XmlNode | XmlNode[] | string | undefined } | string;

/** Parse a request body; a body that is not well-formed XML is a 400 MalformedXML. */
export function parseXml(body: string, root: string): Record<string, unknown> {
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    throw new ServiceError(
      400,
      'MalformedXML',
      `The XML you provided was not well-formed or did not validate against our published schema (${valid.err.msg}, line ${valid.err.line}).`,
    );
  }
  const doc = parser.parse(body) as Record<string, unknown>;
  const top = doc[root];
  if (top === undefined) {
    throw new ServiceError(
      400,
      'MalformedXML',
      `The XML you provided must have <${root}> as its root element.`,
    );
  }
  // <Root/> parses as '': an empty element is an empty structure.
  return typeof top === 'object' && top !== null ? (top as Record<string, unknown>) : {};
}

/** One element or many → always a list (repeated elements parse as an array). */
export function asList(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** A child element as a structure ({} for an empty element), or undefined when absent. */
export function child(node: unknown, name: string): Record<string, unknown> | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const v = (node as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The text of a child element, or undefined when absent. */
export function text(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const v = (node as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && Object.keys(v).length === 0) return '';
  return String(v);
}

/** Read a request body as text, refusing more than `limit` bytes. */
export async function readBodyText(body: AsyncIterable<Buffer>, limit = 2 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) throw new ServiceError(400, 'MaxMessageLengthExceeded', 'Your request was too big.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
