import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

type Notice = Omit<FlashbarProps.MessageDefinition, 'id' | 'onDismiss' | 'dismissible'>;

interface NotificationsApi {
  readonly items: FlashbarProps.MessageDefinition[];
  notify(notice: Notice): void;
}

const NotificationsContext = createContext<NotificationsApi | null>(null);

let nextId = 0;

/** The one place notifications live; pages call `useNotifications().notify(…)`. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<FlashbarProps.MessageDefinition[]>([]);
  const notify = useCallback((notice: Notice) => {
    const id = `n${++nextId}`;
    const dismiss = () => setItems((current) => current.filter((i) => i.id !== id));
    setItems((current) => [...current, { ...notice, id, dismissible: true, onDismiss: dismiss }]);
  }, []);
  const value = useMemo(() => ({ items, notify }), [items, notify]);
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
