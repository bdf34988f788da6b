// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from './use-debounced-value';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useDebouncedValue', () => {
  it('gives the value only once it has stayed the same for the delay', () => {
    const { result, rerender } = renderHook(({ v }) => useDebouncedValue(v, 400), {
      initialProps: { v: 's3://a' },
    });
    expect(result.current).toBe('s3://a');
    rerender({ v: 's3://ab' });
    act(() => vi.advanceTimersByTime(300));
    rerender({ v: 's3://abc' });
    act(() => vi.advanceTimersByTime(300));
    expect(result.current).toBe('s3://a');
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe('s3://abc');
  });
});
