import { describe, expect, it } from 'vitest';
import { S3Tag } from './tags.js';

describe('S3Tag', () => {
  it.each([
    ['batchops-demo', 'tagged'],
    ['a b_c.d:e/f=g+h-i@j', ''],
    ['Größe', 'café 42'],
  ])('takes %j = %j (the model pattern allows it)', (key, value) => {
    expect(S3Tag.safeParse({ key, value }).success).toBe(true);
  });

  it.each([
    ['owner', "O'Brien", 'value'],
    ["it's", 'x', 'key'],
    ['team', 'a,b', 'value'],
    ['team', 'a;b', 'value'],
    ['k', '<x>', 'value'],
  ])('refuses %j = %j at the %s, naming the allowed characters', (key, value, field) => {
    const parsed = S3Tag.safeParse({ key, value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        path: [field],
        message: 'only letters, numbers, spaces and _ . : / = + - @',
      }),
    ]);
  });
});
