import { describe, expect, it } from 'vitest';
import { OperationName, operationNames, sdkNameOf, WizardOperation } from './operations.js';

describe('sdkNameOf', () => {
  it('names every wizard operation once, and operationNames is exactly those names in the model order', () => {
    const types = WizardOperation.options.map((o) => o.shape.type.value);
    expect(Object.keys(sdkNameOf).sort()).toEqual([...types].sort());
    expect(new Set(operationNames).size).toBe(types.length);
    expect(operationNames[0]).toBe('LambdaInvoke');
    expect(operationNames).toContain('S3UpdateObjectEncryption');
  });

  it('OperationName accepts the S3 Control names and refuses the wizard ones', () => {
    expect(OperationName.safeParse(sdkNameOf.legalHold).success).toBe(true);
    expect(OperationName.safeParse('legalHold').success).toBe(false);
  });
});
