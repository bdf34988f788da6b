import { describe, expect, it } from 'vitest';
import { asList, parseXml, text } from './xml-reader.js';

describe('parseXml', () => {
  it('keeps the whitespace of <Key> text and trims every other value', () => {
    const doc = parseXml(
      '<Delete>\n  <Object>\n    <Key> a b </Key>\n    <VersionId> v1 </VersionId>\n  </Object>\n  <Object><Key> </Key></Object>\n  <Quiet> true </Quiet>\n</Delete>',
      'Delete',
    );
    const objects = asList(doc.Object);
    expect(objects.map((o) => text(o, 'Key'))).toEqual([' a b ', ' ']);
    expect(text(objects[0], 'VersionId')).toBe('v1');
    expect(text(doc, 'Quiet')).toBe('true');
    expect(Object.keys(doc).sort()).toEqual(['Object', 'Quiet']);
  });

  it('reads an element holding only whitespace as an empty structure', () => {
    expect(parseXml('<Tagging>\n  </Tagging>', 'Tagging')).toEqual({});
  });
});
