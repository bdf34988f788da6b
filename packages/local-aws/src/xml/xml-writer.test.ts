import { describe, expect, it } from 'vitest';
import { el, elAttrs, opt, renderXml } from './xml-writer.js';

describe('renderXml', () => {
  it('escapes text and attributes, leaves out absent members, writes empty lists as self-closing', () => {
    const xml = renderXml(
      elAttrs(
        'R',
        { xmlns: 'urn:x' },
        el('Reason', 'a & b <c> "d"'),
        opt('Missing', undefined),
        el('Jobs', []),
        el('N', 0),
        el('B', false),
      ),
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<R xmlns="urn:x"><Reason>a &amp; b &lt;c&gt; &quot;d&quot;</Reason><Jobs/><N>0</N><B>false</B></R>',
    );
  });

  it('writes dates as RFC 3339 with milliseconds and a zone, as the JS SDK requires', () => {
    expect(renderXml(el('T', new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))))).toContain(
      '<T>2024-01-02T03:04:05.678Z</T>',
    );
  });

  it('flattens nested arrays into repeated children', () => {
    expect(renderXml(el('L', [el('member', 'a'), [el('member', 'b')]]))).toContain(
      '<L><member>a</member><member>b</member></L>',
    );
  });
});
