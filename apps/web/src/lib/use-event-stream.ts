import { JobEvent } from '@batchops/contracts';
import { useEffect, useRef } from 'react';

/**
 * Open a Server-Sent Events stream of JobEvents while the component is mounted. Each payload is
 * parsed with the contract; a payload that does not parse is dropped, not trusted.
 */
export function useEventStream(url: string | null, onEvent: (event: JobEvent) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    const receive = (e: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(e.data);
      } catch {
        return;
      }
      const parsed = JobEvent.safeParse(data);
      if (parsed.success) handler.current(parsed.data);
    };
    for (const type of ['job', 'jobs', 'error'] as const) source.addEventListener(type, receive);
    return () => source.close();
  }, [url]);
}
