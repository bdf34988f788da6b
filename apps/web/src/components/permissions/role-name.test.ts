import { describe, expect, it } from 'vitest';
import { roleNameOf } from './role-name';

describe('role name', () => {
  it('reads the role name of an ARN, with a path or without', () => {
    expect(roleNameOf('arn:aws:iam::000000000000:role/batchops-demo')).toBe('batchops-demo');
    expect(roleNameOf('arn:aws:iam::000000000000:role/service/jobs/r1')).toBe('r1');
    expect(roleNameOf('arn:aws:iam::0000:role/x')).toBeNull();
    expect(roleNameOf('batchops-demo')).toBeNull();
  });
});
