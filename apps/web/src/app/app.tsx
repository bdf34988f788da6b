import I18nProvider from '@cloudscape-design/components/i18n';
import enMessages from '@cloudscape-design/components/i18n/messages/all.en';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { NotificationsProvider } from '../components/notifications';
import { ApiRequestError } from '../lib/api-client';
import { applyDisplayPreferences, loadDisplayPreferences } from '../lib/display-preferences';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // A 4xx answer will not change by asking again.
      retry: (count, error) => !(error instanceof ApiRequestError && error.status < 500) && count < 2,
    },
  },
});

// Before the first render, so the saved mode does not flash.
applyDisplayPreferences(loadDisplayPreferences());

export function App() {
  return (
    <I18nProvider locale="en" messages={[enMessages]}>
      <QueryClientProvider client={queryClient}>
        <NotificationsProvider>
          <RouterProvider router={router} />
        </NotificationsProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
