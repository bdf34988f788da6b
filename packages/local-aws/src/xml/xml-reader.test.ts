import { describe, expect, it } from 'vitest';
import { asList, decodeReferences, parseXml, text } from './xml-reader.js';

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

describe('references, as every client writes them', () => {
  it("decodes Go's character references (decimal and hex) as the characters they name", () => {
    // Go's encoding/xml: `"` → &#34;, `'` → &#39;, newline → &#xA;, tab → &#x9;.
    const doc = parseXml(
      '<Delete><Object><Key>it&#39;s &#34;q&#34; &amp; &lt;b&gt;&#x1F600;</Key></Object><Quiet>&#x9;a&#xA;</Quiet></Delete>',
      'Delete',
    );
    expect(text(asList(doc.Object)[0], 'Key')).toBe('it\'s "q" & <b>\u{1F600}');
    expect(text(doc, 'Quiet')).toBe('\ta\n');
  });

  it('decodes once: an escaped ampersand followed by a reference is text', () => {
    expect(decodeReferences('&amp;#39;')).toBe('&#39;');
  });

  it.each([
    ['&bogus;', 'an unknown entity'],
    ['&#0;', 'NUL, not an XML character'],
    ['&#xD800;', 'a lone surrogate'],
    ['&#x110000;', 'beyond Unicode'],
    ['a & b', 'a bare ampersand'],
  ])('refuses %s (%s) as MalformedXML', (ref) => {
    expect(() => parseXml(`<Tagging><Key>${ref}</Key></Tagging>`, 'Tagging')).toThrow(
      expect.objectContaining({ code: 'MalformedXML' }),
    );
  });
});
