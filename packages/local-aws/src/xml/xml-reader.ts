import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ServiceError } from '../errors/service-error.js';

// The one XML reader of local-aws: namespace-agnostic, order-free, every value a string.
// Text is trimmed, except in <Key> elements: object keys are exact bytes (`"_ "` is not `"_"`).
// References are decoded here, not by the parser: the five predefined entities and every character
// reference, decimal and hex (Go's encoding/xml writes `'` as `&#39;`, `"` as `&#34;`, a newline as
// `&#xA;`). Raw whitespace is trimmed before decoding, so an escaped one stays.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  // Whitespace between elements trims to '' and is dropped, as with trimValues.
  tagValueProcessor: (tagName, value) => decodeReferences(tagName === 'Key' ? value : value.trim()),
  ignoreDeclaration: true,
  processEntities: false,
});

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A code point XML 1.0 allows as a character (its `Char` production). */
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/** Expand `&name;`, `&#NNN;` and `&#xHHH;`; anything else after `&` is malformed XML. */
export function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&([^;&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw malformed(`an unterminated reference "${whole.slice(0, 12)}"`);
    const named = NAMED[ref];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(ref);
    const cp = m ? Number.parseInt(m[1] ?? (m[2] as string), m[1] ? 16 : 10) : Number.NaN;
    if (!isXmlChar(cp)) throw malformed(`an unknown or invalid reference "&${ref.slice(0, 12)};"`);
    return String.fromCodePoint(cp);
  });
}

/** Deepest element nesting accepted; S3 documents nest a handful of levels. */
const MAX_DEPTH = 64;

const malformed = (detail: string) =>
  new ServiceError(
    400,
    'MalformedXML',
    `The XML you provided was not well-formed or did not validate against our published schema (${detail}).`,
  );

/** Nesting depth of a document, counted on its tags (before any parser recursion). */
function depthExceeds(body: string, max: number): boolean {
  let depth = 0;
  const tag = /<(\/?)[A-Za-z_][^>]*?(\/?)>/g;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    if (m[1] === '/') depth--;
    else if (m[2] !== '/' && ++depth > max) return true;
  }
  return false;
}

/** Parse a request body; a body that is not well-formed XML is a 400 MalformedXML. */
export function parseXml(body: string, root: string): Record<string, unknown> {
  if (/<!DOCTYPE/i.test(body)) throw malformed('a DOCTYPE is not allowed');
  if (depthExceeds(body, MAX_DEPTH)) throw malformed(`elements nest deeper than ${MAX_DEPTH} levels`);
  let doc: Record<string, unknown>;
  try {
    const valid = XMLValidator.validate(body);
    if (valid !== true) throw malformed(`${valid.err.msg}, line ${valid.err.line}`);
    doc = parser.parse(body) as Record<string, unknown>;
  } catch (e) {
    // Any parser failure or limit (stack depth, entity expansion) is the client's malformed XML.
    if (e instanceof ServiceError) throw e;
    throw malformed((e as Error).message);
  }
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

/** Largest XML request body read (S3 answers MaxMessageLengthExceeded above its limits). */
export const MAX_XML_BODY = 2 * 1024 * 1024;

/** Read a request body, refusing more than `limit` bytes. */
export async function readBody(body: AsyncIterable<Buffer>, limit = MAX_XML_BODY): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) throw new ServiceError(400, 'MaxMessageLengthExceeded', 'Your request was too big.');
    chunks.push(chunk);
  }
  // A body already whole (read before its signature was checked) is not copied again.
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

/** Read a request body as text, refusing more than `limit` bytes. */
export async function readBodyText(body: AsyncIterable<Buffer>, limit = MAX_XML_BODY): Promise<string> {
  return (await readBody(body, limit)).toString('utf8');
}
