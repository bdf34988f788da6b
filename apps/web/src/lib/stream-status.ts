/** How a live event stream is doing, as the page shows it. */
export interface StreamStatus {
  /** connecting: nothing yet; live: events arrive; paused: the stream failed and is retrying. */
  readonly state: 'connecting' | 'live' | 'paused';
  /** Connection failures since the last event. */
  readonly failures: number;
  /** Why it paused: the server's error event or the lost connection. */
  readonly reason: string | null;
}

export type StreamSignal =
  | { readonly type: 'connect' }
  | { readonly type: 'event' }
  | { readonly type: 'server-error'; readonly message: string }
  | { readonly type: 'connection-error' };

export const initialStreamStatus: StreamStatus = { state: 'connecting', failures: 0, reason: null };

/** One dropped connection is routine (the browser reconnects at once); the second in a row is news. */
export const connectionFailuresToPause = 2;

export const connectionLostReason = 'The connection to the console server was lost.';

export function nextStreamStatus(status: StreamStatus, signal: StreamSignal): StreamStatus {
  switch (signal.type) {
    case 'connect':
      return initialStreamStatus;
    case 'event':
      return { state: 'live', failures: 0, reason: null };
    case 'server-error':
      return { ...status, state: 'paused', reason: signal.message };
    case 'connection-error': {
      const failures = status.failures + 1;
      if (failures < connectionFailuresToPause) return { ...status, failures };
      // A server error already said more than "connection lost".
      return { state: 'paused', failures, reason: status.reason ?? connectionLostReason };
    }
  }
}
