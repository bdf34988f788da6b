import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './api-client';
import { formErrorOf } from './field-errors';

describe('formErrorOf', () => {
  it('is the message of a failure no field shows', () => {
    const err = new ApiRequestError(409, { code: 'Conflict', message: 'changed meanwhile', fieldErrors: [] });
    expect(formErrorOf(err)).toBe('changed meanwhile');
    expect(formErrorOf(new Error('offline'))).toBe('offline');
  });
  it('leaves a failure on fields to the fields, and no failure to nothing', () => {
    const err = new ApiRequestError(400, {
      code: 'InvalidRequest',
      message: 'bad input',
      fieldErrors: [{ field: 'rule.id', message: 'required' }],
    });
    expect(formErrorOf(err)).toBeUndefined();
    expect(formErrorOf(null)).toBeUndefined();
  });
});
