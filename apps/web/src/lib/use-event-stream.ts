import { JobEvent } from '@batchops/contracts';
import { useEffect, useReducer, useRef } from 'react';
import { initialStreamStatus, nextStreamStatus, type StreamStatus } from './stream-status';

/** As the BFF's `retry:` line asks. */
export const reconnectDelayMs = 3_000;

function parseEvent(data: unknown): JobEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed = JobEvent.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Open a Server-Sent Events stream of JobEvents while the component is mounted, and say how it is
 * doing. Each payload is parsed with the contract; one that does not parse is dropped, not trusted.
 * An `error` event from the server, or a connection the browser gave up on, is followed by a fresh
 * connection after a few seconds: a new subscription makes the BFF poll again and send what it reads.
 */
export function useEventStream(url: string | null, onEvent: (event: JobEvent) => void): StreamStatus {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [status, dispatch] = useReducer(nextStreamStatus, initialStreamStatus);
  useEffect(() => {
    if (!url) return;
    dispatch({ type: 'connect' });
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reconnectLater = () => {
      source?.close();
      if (timer === undefined) timer = setTimeout(connect, reconnectDelayMs);
    };
    const receive = (e: MessageEvent<unknown>) => {
      const event = parseEvent(e.data);
      if (!event) return;
      dispatch({ type: 'event' });
      handler.current(event);
    };
    // The server's `event: error` and the browser's connection error share the name; only the first has data.
    const onError = (e: Event) => {
      const event = 'data' in e ? parseEvent((e as MessageEvent<unknown>).data) : null;
      if (event?.type === 'error') {
        dispatch({ type: 'server-error', message: event.error.message });
        handler.current(event);
        reconnectLater();
        return;
      }
      dispatch({ type: 'connection-error' });
      // CONNECTING: the browser retries by itself; CLOSED: it gave up (e.g. an HTTP error answer).
      if (source?.readyState === EventSource.CLOSED) reconnectLater();
    };
    function connect() {
      timer = undefined;
      source = new EventSource(url as string);
      source.addEventListener('job', receive);
      source.addEventListener('jobs', receive);
      source.addEventListener('error', onError);
    }
    connect();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, [url]);
  return status;
}
