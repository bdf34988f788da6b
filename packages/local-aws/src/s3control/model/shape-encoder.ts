import { el, elAttrs, type XmlElement, type XmlValue } from '../../xml/xml-writer.js';
import {
  isBodyMember,
  isFlattenedList,
  jobShapeModel,
  join,
  shapeOf,
  type XmlObject,
  xmlNameOf,
} from './shape-model.js';

// Responses written from SDK-style objects, driven by the model's shapes.

function encodeFault(path: string, problem: string): never {
  throw new TypeError(`encodeShape: ${path} ${problem}`);
}

function encodeNode(shapeName: string, value: unknown, name: string, path: string): XmlElement {
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        encodeFault(path, 'must be an object');
      }
      const obj = value as XmlObject;
      const children: XmlValue[] = [];
      for (const [member, ref] of Object.entries(shape.members ?? {})) {
        const v = Object.hasOwn(obj, member) ? obj[member] : undefined;
        if (v === undefined || v === null || !isBodyMember(ref)) continue;
        const xmlName = xmlNameOf(member, ref);
        const memberPath = join(path, member);
        if (isFlattenedList(ref)) {
          const itemShape = shapeOf(ref.shape).member?.shape ?? '';
          children.push(
            listValue(v, memberPath).map((item, i) =>
              encodeNode(itemShape, item, xmlName, `${memberPath}[${i}]`),
            ),
          );
        } else {
          children.push(encodeNode(ref.shape, v, xmlName, memberPath));
        }
      }
      return el(name, ...children);
    }
    case 'list': {
      const member = shape.member;
      if (!member) throw new Error(`shape-codec: list ${shapeName} has no member`);
      const itemName = member.locationName ?? 'member';
      return el(
        name,
        listValue(value, path).map((item, i) => encodeNode(member.shape, item, itemName, `${path}[${i}]`)),
      );
    }
    case 'map': {
      const { key, value: valueRef } = shape;
      if (!key || !valueRef) throw new Error(`shape-codec: map ${shapeName} has no key or value`);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        encodeFault(path, 'must be an object');
      }
      const keyName = key.locationName ?? 'key';
      const valueName = valueRef.locationName ?? 'value';
      return el(
        name,
        Object.entries(value as XmlObject).map(([k, v]) =>
          el(
            'entry',
            encodeNode(key.shape, k, keyName, `${path}.${k}`),
            encodeNode(valueRef.shape, v, valueName, `${path}.${k}`),
          ),
        ),
      );
    }
    case 'string':
      if (typeof value !== 'string') encodeFault(path, 'must be a string');
      return el(name, value);
    case 'integer':
    case 'long':
      if (typeof value === 'bigint') return el(name, value.toString());
      if (typeof value !== 'number' || !Number.isInteger(value)) encodeFault(path, 'must be an integer');
      return el(name, String(value));
    case 'float':
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) encodeFault(path, 'must be a number');
      return el(name, String(value));
    case 'boolean':
      if (typeof value !== 'boolean') encodeFault(path, 'must be a boolean');
      return el(name, value ? 'true' : 'false');
    case 'timestamp': {
      const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
      if (!date || Number.isNaN(date.getTime())) encodeFault(path, 'must be a Date or an ISO 8601 string');
      // toISOString (with milliseconds and Z): the JS SDK rejects timestamps without a zone.
      return el(name, date.toISOString());
    }
    default:
      throw new Error(`shape-codec: ${shapeName} has unsupported type ${shape.type}`);
  }
}

function listValue(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) encodeFault(path, 'must be an array');
  return value.filter((item) => item !== undefined && item !== null);
}

/**
 * Encode an SDK-style object as the XML element of a model shape: members in model order, lists as
 * `<member>` (or the model's item name), maps as entry/key/value, absent members left out.
 * A programming error (a wrong type) throws a TypeError, not a ServiceError.
 */
export function encodeShape(shapeName: string, value: unknown, elementName: string = shapeName): XmlElement {
  return encodeNode(shapeName, value, elementName, elementName);
}

/** A response root: `encodeShape` plus the S3 Control xmlns, e.g. `encodeResult('DescribeJobResult', { Job })`. */
export function encodeResult(shapeName: string, value: unknown): XmlElement {
  const root = encodeShape(shapeName, value);
  return elAttrs(root.name, { xmlns: jobShapeModel.xmlNamespace }, ...root.children);
}
