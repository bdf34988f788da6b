// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../components/error-boundary';
import { NotificationsProvider } from '../components/notifications';
import { paths } from '../config/navigation';
import { AppErrorPage } from './app-error-page';
import { AppShell } from './app-shell';
import { RouteBoundary } from './route-boundary';

function Boom({ message = 'kaput' }: { message?: string }): never {
  throw new Error(message);
}

beforeEach(() => {
  // React reports every caught render error on the console; the assertions are on the page.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ErrorBoundary', () => {
  it('shows the error in an Alert and leaves what is beside it alone', () => {
    render(
      <>
        <p>beside</p>
        <ErrorBoundary header="The part failed" resetKeys={[]}>
          <Boom />
        </ErrorBoundary>
      </>,
    );
    expect(screen.getByText('The part failed')).toBeTruthy();
    expect(screen.getByText('kaput')).toBeTruthy();
    expect(screen.getByText('beside')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeTruthy();
  });

  it('renders its children again on "Try again"', () => {
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('once');
      return <p>recovered</p>;
    }
    render(
      <ErrorBoundary header="The part failed" resetKeys={[]}>
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByText('once')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('recovered')).toBeTruthy();
    expect(screen.queryByText('The part failed')).toBeNull();
  });

  it('tries again when a reset key changes, not on any other render', () => {
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('once');
      return <p>recovered</p>;
    }
    const view = (key: string) => (
      <ErrorBoundary header="The part failed" resetKeys={[key]}>
        <Flaky />
      </ErrorBoundary>
    );
    const { rerender } = render(view('a'));
    fail = false;
    rerender(view('a'));
    expect(screen.getByText('The part failed')).toBeTruthy();
    rerender(view('b'));
    expect(screen.getByText('recovered')).toBeTruthy();
  });
});

describe('the shell with a page that throws', () => {
  const renderAt = (path: string, shellThrows = false) => {
    const router = createMemoryRouter(
      [
        {
          element: shellThrows ? <Boom message="shell broke" /> : <AppShell />,
          errorElement: <AppErrorPage />,
          children: [
            {
              path: paths.jobs,
              element: (
                <RouteBoundary page="job list">
                  <Boom message="the jobs page broke" />
                </RouteBoundary>
              ),
            },
            { path: paths.buckets, element: <p>the buckets page</p> },
            // No boundary of its own: the shell's catches it.
            { path: '/unguarded', element: <Boom message="an unguarded page broke" /> },
          ],
        },
      ],
      { initialEntries: [path] },
    );
    // As app.tsx provides it: the shell's header asks the BFF where requests go.
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <NotificationsProvider>
          <RouterProvider router={router} />
        </NotificationsProvider>
      </QueryClientProvider>,
    );
    return router;
  };

  it('shows the error in the content area, keeps the navigation, and clears on navigating away', async () => {
    const router = renderAt(paths.jobs);
    expect(await screen.findByText('The job list page failed to render')).toBeTruthy();
    expect(screen.getByText('the jobs page broke')).toBeTruthy();
    // The shell is still there: side navigation and breadcrumbs.
    const bucketsLink = screen.getAllByRole('link', { name: 'Buckets' })[0];
    if (!bucketsLink) throw new Error('no Buckets link in the navigation');
    expect(screen.getByRole('navigation', { name: 'Breadcrumbs' })).toBeTruthy();
    fireEvent.click(bucketsLink);
    expect(await screen.findByText('the buckets page')).toBeTruthy();
    expect(router.state.location.pathname).toBe(paths.buckets);
    expect(screen.queryByText('the jobs page broke')).toBeNull();
  });

  it('catches in the shell what a page without a boundary throws, and resets on navigation', async () => {
    renderAt('/unguarded');
    expect(await screen.findByText('Something went wrong')).toBeTruthy();
    expect(screen.getByText('an unguarded page broke')).toBeTruthy();
    const bucketsLink = screen.getAllByRole('link', { name: 'Buckets' })[0];
    if (!bucketsLink) throw new Error('no Buckets link in the navigation');
    fireEvent.click(bucketsLink);
    expect(await screen.findByText('the buckets page')).toBeTruthy();
    expect(screen.queryByText('Something went wrong')).toBeNull();
  });

  it('falls back to a page of its own with a reload when the shell itself throws', async () => {
    renderAt(paths.buckets, true);
    expect(await screen.findByText('The console failed to render')).toBeTruthy();
    expect(screen.getByText('shell broke')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});
