import { describe, expect, it } from 'vitest';
import {
  connectionLostReason,
  initialStreamStatus,
  nextStreamStatus,
  type StreamSignal,
  type StreamStatus,
} from './stream-status';

const run = (...signals: StreamSignal[]): StreamStatus =>
  signals.reduce(nextStreamStatus, initialStreamStatus);

describe('nextStreamStatus', () => {
  it('is live once an event arrives', () => {
    expect(run({ type: 'event' })).toEqual({ state: 'live', failures: 0, reason: null });
  });

  it("pauses at once on the server's error event, with its message", () => {
    expect(run({ type: 'event' }, { type: 'server-error', message: 'Access Denied' })).toMatchObject({
      state: 'paused',
      reason: 'Access Denied',
    });
  });

  it('lets one dropped connection pass and pauses on the second in a row', () => {
    const once = run({ type: 'event' }, { type: 'connection-error' });
    expect(once.state).toBe('live');
    expect(nextStreamStatus(once, { type: 'connection-error' })).toEqual({
      state: 'paused',
      failures: 2,
      reason: connectionLostReason,
    });
  });

  it('counts failures only since the last event', () => {
    const status = run({ type: 'connection-error' }, { type: 'event' }, { type: 'connection-error' });
    expect(status).toMatchObject({ state: 'live', failures: 1 });
  });

  it("keeps the server's reason when the connection then drops too", () => {
    const status = run(
      { type: 'server-error', message: 'Throttling' },
      { type: 'connection-error' },
      { type: 'connection-error' },
    );
    expect(status).toMatchObject({ state: 'paused', reason: 'Throttling' });
  });

  it('clears the pause when events flow again', () => {
    expect(run({ type: 'server-error', message: 'Throttling' }, { type: 'event' })).toEqual({
      state: 'live',
      failures: 0,
      reason: null,
    });
  });

  it('starts over on a new connection (another job, another stream)', () => {
    expect(run({ type: 'server-error', message: 'x' }, { type: 'connect' })).toEqual(initialStreamStatus);
  });
});
