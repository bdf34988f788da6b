import { describe, expect, it } from 'vitest';
import { headerText, mailSafe } from './header-text.js';

describe('headerText', () => {
  it('reads UTF-8 bytes as UTF-8 and keeps Latin-1 and ASCII as they came', () => {
    expect(headerText(Buffer.from('ünï 文字', 'utf8').toString('latin1'))).toBe('ünï 文字');
    expect(headerText(Buffer.from('ünï', 'latin1').toString('latin1'))).toBe('ünï');
    expect(headerText('plain')).toBe('plain');
  });
});

describe('mailSafe', () => {
  it('encodes non-ASCII text as RFC 2047 and leaves ASCII alone', () => {
    expect(mailSafe('ünï')).toBe('=?UTF-8?B?w7xuw68=?=');
    expect(mailSafe('plain')).toBe('plain');
  });
});
