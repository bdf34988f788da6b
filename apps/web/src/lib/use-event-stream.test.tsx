// @vitest-environment happy-dom
import type { JobEvent } from '@batchops/contracts';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reconnectDelayMs, useEventStream } from './use-event-stream';

/** Just enough of EventSource: the hook's listeners, readyState and close. */
class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.OPEN;
  constructor(readonly url: string) {
    super();
    FakeEventSource.opened.push(this);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  send(type: string, data: unknown) {
    act(() => void this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) })));
  }
  drop(readyState: number) {
    this.readyState = readyState;
    act(() => void this.dispatchEvent(new Event('error')));
  }
}

const latest = () => {
  const s = FakeEventSource.opened.at(-1);
  if (!s) throw new Error('no EventSource was opened');
  return s;
};

const jobsEvent = {
  type: 'jobs',
  changed: [],
  removed: [],
  total: 0,
  at: '2026-12-02T13:00:00.000Z',
} satisfies JobEvent;
const errorEvent = {
  type: 'error',
  error: { code: 'AccessDenied', message: 'Access Denied', fieldErrors: [] },
} satisfies JobEvent;

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useEventStream', () => {
  it('hands parsed events on and is live; drops what the contract does not allow', () => {
    const seen: JobEvent[] = [];
    const { result } = renderHook(() => useEventStream('/api/jobs/events', (e) => seen.push(e)));
    expect(latest().url).toBe('/api/jobs/events');
    expect(result.current.state).toBe('connecting');
    latest().send('jobs', { type: 'jobs', changed: 'not a list' });
    expect(seen).toEqual([]);
    expect(result.current.state).toBe('connecting');
    latest().send('jobs', jobsEvent);
    expect(seen).toEqual([jobsEvent]);
    expect(result.current.state).toBe('live');
  });

  it("pauses on the server's error event, connects again after the delay, and clears on the next event", () => {
    const { result } = renderHook(() => useEventStream('/api/jobs/events', () => {}));
    const first = latest();
    first.send('jobs', jobsEvent);
    first.send('error', errorEvent);
    expect(result.current).toMatchObject({ state: 'paused', reason: 'Access Denied' });
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    act(() => vi.advanceTimersByTime(reconnectDelayMs - 1));
    expect(FakeEventSource.opened).toHaveLength(1);
    act(() => vi.advanceTimersByTime(1));
    expect(FakeEventSource.opened).toHaveLength(2);
    expect(result.current.state).toBe('paused');
    latest().send('jobs', jobsEvent);
    expect(result.current).toEqual({ state: 'live', failures: 0, reason: null });
  });

  it('lets the browser retry a dropped connection and shows it when it fails again', () => {
    const { result } = renderHook(() => useEventStream('/api/jobs/events', () => {}));
    latest().send('jobs', jobsEvent);
    latest().drop(FakeEventSource.CONNECTING);
    expect(result.current.state).toBe('live');
    latest().drop(FakeEventSource.CONNECTING);
    expect(result.current).toMatchObject({ state: 'paused', failures: 2 });
    // CONNECTING: the browser reconnects by itself, so the hook does not open another.
    act(() => vi.advanceTimersByTime(reconnectDelayMs));
    expect(FakeEventSource.opened).toHaveLength(1);
  });

  it('opens a new connection when the browser gives up on one', () => {
    renderHook(() => useEventStream('/api/jobs/events', () => {}));
    latest().drop(FakeEventSource.CLOSED);
    act(() => vi.advanceTimersByTime(reconnectDelayMs));
    expect(FakeEventSource.opened).toHaveLength(2);
  });

  it('closes the stream and retries nothing once unmounted', () => {
    const { unmount } = renderHook(() => useEventStream('/api/jobs/events', () => {}));
    const source = latest();
    source.send('error', errorEvent);
    unmount();
    act(() => vi.advanceTimersByTime(reconnectDelayMs));
    expect(FakeEventSource.opened).toHaveLength(1);
    expect(source.readyState).toBe(FakeEventSource.CLOSED);
  });
});
