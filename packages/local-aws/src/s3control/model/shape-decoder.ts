import { ServiceError } from '../../errors/service-error.js';
import {
  isBodyMember,
  isFlattenedList,
  join,
  type Shape,
  shapeOf,
  type XmlObject,
  xmlNameOf,
} from './shape-model.js';

// Requests decoded and validated against the model's shapes: a bad field is a 400 naming it.

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INTEGER = /^[+-]?\d+$/;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function fail(path: string, problem: string): never {
  throw new ServiceError(400, 'BadRequestException', `${path}: ${problem}`);
}

// The model's patterns are Java regexes: most compile as JS `u` regexes, some only without `u`
// (`\_`), and one that compiles neither way is skipped rather than rejecting valid input.
const patternCache = new Map<string, RegExp | null>();
function compiledPattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    re = null;
    for (const flags of ['u', '']) {
      try {
        re = new RegExp(pattern, flags);
        break;
      } catch {
        // try the next dialect
      }
    }
    patternCache.set(pattern, re);
  }
  return re;
}

function limitText(min: number | undefined, max: number | undefined, what: string): string {
  if (min !== undefined && max !== undefined) return `${what} between ${min} and ${max}`;
  return min !== undefined ? `${what} at least ${min}` : `${what} at most ${max}`;
}

function checkCount(shape: Shape, count: number, path: string, unit: string): void {
  if ((shape.min !== undefined && count < shape.min) || (shape.max !== undefined && count > shape.max)) {
    fail(path, `${limitText(shape.min, shape.max, 'must have')} ${unit}`);
  }
}

function checkRange(shape: Shape, n: number, path: string): void {
  if ((shape.min !== undefined && n < shape.min) || (shape.max !== undefined && n > shape.max)) {
    fail(path, limitText(shape.min, shape.max, 'must be'));
  }
}

/** The parsed node of an element that must hold child elements ('' for an empty element). */
function elementObject(node: unknown, path: string, what: string): XmlObject {
  if (Array.isArray(node)) fail(path, 'must appear only once');
  if (node === '' || node === undefined || node === null) return {};
  if (typeof node !== 'object') fail(path, `must be ${what}`);
  return node as XmlObject;
}

function childOf(node: XmlObject, name: string): unknown {
  return Object.hasOwn(node, name) ? node[name] : undefined;
}

function many(raw: unknown): unknown[] {
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw : [raw];
}

function decodeStructure(shape: Shape, node: unknown, path: string): XmlObject {
  const obj = elementObject(node, path, 'a structure');
  const out: XmlObject = {};
  const members = Object.entries(shape.members ?? {}).filter(([, ref]) => isBodyMember(ref));
  for (const [name, ref] of members) {
    const raw = childOf(obj, xmlNameOf(name, ref));
    if (raw === undefined) continue;
    out[name] = isFlattenedList(ref)
      ? decodeListItems(shapeOf(ref.shape), many(raw), join(path, name))
      : decodeNode(ref.shape, raw, join(path, name));
  }
  for (const name of shape.required ?? []) {
    const ref = shape.members?.[name];
    if (ref && isBodyMember(ref) && out[name] === undefined) fail(join(path, name), 'is required');
  }
  if (shape.union === true && Object.keys(out).length !== 1) {
    fail(path, `must set exactly one of ${members.map(([name]) => name).join(', ')}`);
  }
  return out;
}

function decodeListItems(shape: Shape, items: unknown[], path: string): unknown[] {
  const member = shape.member;
  if (!member) throw new Error(`shape-codec: list at ${path} has no member`);
  const out = items.map((item, i) => decodeNode(member.shape, item, `${path}[${i}]`));
  checkCount(shape, out.length, path, 'items');
  return out;
}

function decodeList(shape: Shape, node: unknown, path: string): unknown[] {
  const obj = elementObject(node, path, 'a list');
  return decodeListItems(shape, many(childOf(obj, shape.member?.locationName ?? 'member')), path);
}

function decodeMap(shape: Shape, node: unknown, path: string): Record<string, unknown> {
  const { key, value } = shape;
  if (!key || !value) throw new Error(`shape-codec: map at ${path} has no key or value`);
  const keyName = key.locationName ?? 'key';
  const valueName = value.locationName ?? 'value';
  const entries = many(childOf(elementObject(node, path, 'a map'), 'entry'));
  const out: Record<string, unknown> = {};
  entries.forEach((raw, i) => {
    const entryPath = `${path}[${i}]`;
    const entry = elementObject(raw, entryPath, 'an entry');
    const rawKey = childOf(entry, keyName);
    const rawValue = childOf(entry, valueName);
    if (rawKey === undefined) fail(`${entryPath}.${keyName}`, 'is required');
    if (rawValue === undefined) fail(`${entryPath}.${valueName}`, 'is required');
    const k = String(decodeNode(key.shape, rawKey, `${entryPath}.${keyName}`));
    if (Object.hasOwn(out, k)) fail(`${entryPath}.${keyName}`, `duplicate key "${k}"`);
    // defineProperty, so a key named __proto__ stays data and never reaches the prototype.
    Object.defineProperty(out, k, {
      value: decodeNode(value.shape, rawValue, `${entryPath}.${valueName}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  checkCount(shape, entries.length, path, 'entries');
  return out;
}

function scalarText(node: unknown, path: string, what: string): string {
  if (Array.isArray(node)) fail(path, 'must appear only once');
  if (typeof node !== 'string') fail(path, `must be ${what}`);
  return node;
}

function decodeString(shape: Shape, node: unknown, path: string): string {
  const s = scalarText(node, path, 'a string');
  if (shape.enum && !shape.enum.includes(s)) fail(path, `must be one of ${shape.enum.join(', ')}`);
  if (shape.min !== undefined || shape.max !== undefined) {
    // Lengths count characters (code points), as the service and botocore do, not UTF-16 units.
    const length = [...s].length;
    if ((shape.min !== undefined && length < shape.min) || (shape.max !== undefined && length > shape.max)) {
      fail(path, limitText(shape.min, shape.max, 'length must be'));
    }
  }
  if (shape.pattern !== undefined) {
    const re = compiledPattern(shape.pattern);
    if (re && !re.test(s)) fail(path, `must match the pattern ${shape.pattern}`);
  }
  return s;
}

function decodeInteger(shape: Shape, node: unknown, path: string): number {
  const s = scalarText(node, path, 'an integer');
  if (!INTEGER.test(s)) fail(path, 'must be an integer');
  const n = Number(s);
  checkRange(shape, n, path);
  if (shape.type === 'integer' && (n < INT32_MIN || n > INT32_MAX)) {
    fail(path, `must be between ${INT32_MIN} and ${INT32_MAX}`);
  }
  if (!Number.isSafeInteger(n)) fail(path, 'is too large');
  return n;
}

function decodeNode(shapeName: string, node: unknown, path: string): unknown {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'structure':
      return decodeStructure(shape, node, path);
    case 'list':
      return decodeList(shape, node, path);
    case 'map':
      return decodeMap(shape, node, path);
    case 'string':
      return decodeString(shape, node, path);
    case 'integer':
    case 'long':
      return decodeInteger(shape, node, path);
    case 'float':
    case 'double': {
      const s = scalarText(node, path, 'a number');
      const n = Number(s);
      if (s === '' || !Number.isFinite(n)) fail(path, 'must be a number');
      checkRange(shape, n, path);
      return n;
    }
    case 'boolean': {
      const s = scalarText(node, path, 'true or false').toLowerCase();
      if (s !== 'true' && s !== 'false') fail(path, 'must be true or false');
      return s === 'true';
    }
    case 'timestamp': {
      const s = scalarText(node, path, 'an ISO 8601 timestamp');
      const date = new Date(s);
      if (!ISO_8601.test(s) || Number.isNaN(date.getTime())) fail(path, 'must be an ISO 8601 timestamp');
      return date;
    }
    default:
      throw new Error(`shape-codec: ${shapeName} has unsupported type ${shape.type}`);
  }
}

/**
 * Decode a parsed XML element (from `parseXml`) into the SDK-style object of a model shape,
 * validating required members, lengths, patterns, enums, ranges and list sizes. Unknown elements are
 * ignored. Every violation is a 400 BadRequestException whose message starts with the field's path.
 */
export function decodeShape<T>(shapeName: string, node: unknown, path = ''): T {
  try {
    return decodeNode(shapeName, node, path) as T;
  } catch (err) {
    // A fault at the root itself has no path; name the shape instead.
    if (err instanceof ServiceError && err.message.startsWith(': ')) {
      throw new ServiceError(err.status, err.code, `${shapeName}${err.message}`);
    }
    throw err;
  }
}

/** The parts of a REST request outside its XML body that model members are bound to. */
export interface RequestParts {
  /** Decoded query parameters; repeated keys keep every value. */
  readonly query: ReadonlyMap<string, readonly string[]>;
  /** Labels of the URI pattern by locationName (`id` of `/v20180820/jobs/{id}`). */
  readonly uri?: Readonly<Record<string, string>>;
}

/**
 * Decode the querystring and uri members of a request shape (ListJobs `maxResults`,
 * UpdateJobPriority `priority`, the `{id}` label…) with the model's types, enums, ranges and
 * patterns. Header members are the router's (the signed account header). A violation is a 400 whose
 * code `codeOf(member)` picks (the operation's modeled exception), BadRequestException by default.
 */
export function decodeRequest<T>(
  shapeName: string,
  parts: RequestParts,
  codeOf: (member: string) => string = () => 'BadRequestException',
): T {
  const shape = shapeOf(shapeName);
  const out: XmlObject = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (ref.location !== 'querystring' && ref.location !== 'uri') continue;
    const wire = ref.locationName ?? name;
    const values =
      ref.location === 'uri'
        ? parts.uri?.[wire] === undefined
          ? []
          : [parts.uri[wire]]
        : (parts.query.get(wire) ?? []);
    try {
      const member = shapeOf(ref.shape);
      if (member.type === 'list') {
        if (values.length > 0) out[name] = decodeListItems(member, [...values], wire);
      } else if (values.length > 0) {
        out[name] = decodeNode(ref.shape, values.length === 1 ? values[0] : values, wire);
      } else if (shape.required?.includes(name)) {
        fail(wire, 'is required');
      }
    } catch (err) {
      if (err instanceof ServiceError) throw new ServiceError(400, codeOf(name), err.message);
      throw err;
    }
  }
  return out as T;
}
