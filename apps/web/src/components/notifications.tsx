import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/** jobId ties a notice to a job's state ("created", "is running") so the job's outcome can replace it. */
type Notice = Omit<FlashbarProps.MessageDefinition, 'id' | 'onDismiss' | 'dismissible'> & { jobId?: string };
type Item = FlashbarProps.MessageDefinition & { jobId?: string };

interface NotificationsApi {
  readonly items: FlashbarProps.MessageDefinition[];
  notify(notice: Notice): void;
  /** Replaces the notices tied to the job with its outcome; does nothing when none is shown. */
  settleJob(jobId: string, outcome: Omit<Notice, 'jobId'>): void;
}

const NotificationsContext = createContext<NotificationsApi | null>(null);

let nextId = 0;

/** The one place notifications live; pages call `useNotifications().notify(…)`. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Item[]>([]);
  const make = useCallback((notice: Notice): Item => {
    const id = `n${++nextId}`;
    const dismiss = () => setItems((current) => current.filter((i) => i.id !== id));
    return { ...notice, id, dismissible: true, dismissLabel: 'Dismiss message', onDismiss: dismiss };
  }, []);
  const notify = useCallback((notice: Notice) => setItems((current) => [...current, make(notice)]), [make]);
  const settleJob = useCallback(
    (jobId: string, outcome: Omit<Notice, 'jobId'>) =>
      setItems((current) =>
        current.some((i) => i.jobId === jobId)
          ? [...current.filter((i) => i.jobId !== jobId), make({ ...outcome, jobId })]
          : current,
      ),
    [make],
  );
  const value = useMemo(() => ({ items, notify, settleJob }), [items, notify, settleJob]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsApi {
  const api = useContext(NotificationsContext);
  if (!api) throw new Error('useNotifications needs <NotificationsProvider>');
  return api;
}

export function Notifications() {
  const { items } = useNotifications();
  return <Flashbar items={items} stackItems={items.length > 2} />;
}
