import { describe, expect, it } from 'vitest';
import { connectionLabel } from './connection-label';

describe('connectionLabel', () => {
  it('names the mode, Region and account', () => {
    expect(connectionLabel({ mode: 'local', region: 'us-east-1', accountId: '000000000000' })).toBe(
      'Local AWS · us-east-1 · 000000000000',
    );
    expect(connectionLabel({ mode: 'aws', region: 'eu-west-1', accountId: '123456789012' })).toBe(
      'AWS · eu-west-1 · 123456789012',
    );
  });
});
