// The one XML writer of local-aws, for the S3 and the S3 Control protocols.

export type XmlValue = string | number | boolean | Date | XmlElement | null | undefined | XmlValue[];

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>> | undefined;
  readonly children: readonly XmlValue[];
}

/** An element; null/undefined children are left out, so optional members vanish on their own. */
export function el(name: string, ...children: XmlValue[]): XmlElement {
  return { name, attrs: undefined, children };
}

/** An element with attributes (xmlns on a response root). */
export function elAttrs(name: string, attrs: Record<string, string>, ...children: XmlValue[]): XmlElement {
  return { name, attrs, children };
}

/** Child elements only when value is present: `opt('Description', job.description)`. */
export function opt(
  name: string,
  value: string | number | boolean | Date | null | undefined,
): XmlElement | null {
  return value === null || value === undefined ? null : el(name, value);
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

function renderValue(v: XmlValue, out: string[]): void {
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) {
    for (const item of v) renderValue(item, out);
  } else if (v instanceof Date) {
    out.push(v.toISOString());
  } else if (typeof v === 'object') {
    renderElement(v, out);
  } else {
    out.push(escapeXml(String(v)));
  }
}

function renderElement(e: XmlElement, out: string[]): void {
  let open = `<${e.name}`;
  if (e.attrs) for (const [k, v] of Object.entries(e.attrs)) open += ` ${k}="${escapeXml(v)}"`;
  // Children are written straight into `out` (no per-element buffers): large listings stay linear.
  const at = out.push(open) - 1;
  const before = out.length;
  for (const c of e.children) renderValue(c, out);
  if (out.length === before) out[at] += '/>';
  else {
    out[at] += '>';
    out.push(`</${e.name}>`);
  }
}

export function renderXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  renderElement(root, out);
  return out.join('');
}
