// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyPage } from './lazy-page';

beforeEach(() => {
  // React reports the failed load on the console; the assertions are on the page.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A loader the test settles by hand, as a chunk arriving (or not) over the network. */
function deferredLoader() {
  let settle!: { resolve: (c: ComponentType) => void; reject: (e: Error) => void };
  const promise = new Promise<ComponentType>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return { load: () => promise, ...settle };
}

const show = (load: () => Promise<ComponentType>) =>
  render(
    <RouterProvider router={createMemoryRouter([{ path: '/', element: lazyPage('create job', load) }])} />,
  );

describe('lazyPage', () => {
  it('shows a loading status until the chunk is in, then the page', async () => {
    const chunk = deferredLoader();
    show(chunk.load);
    expect(screen.getByText('Loading page')).toBeTruthy();
    await act(async () => chunk.resolve(() => <p>the wizard</p>));
    expect(await screen.findByText('the wizard')).toBeTruthy();
    expect(screen.queryByText('Loading page')).toBeNull();
  });

  it("puts a chunk that fails to load in the route's error boundary", async () => {
    const chunk = deferredLoader();
    show(chunk.load);
    await act(async () => chunk.reject(new Error('Failed to fetch dynamically imported module')));
    expect(await screen.findByText('The create job page failed to render')).toBeTruthy();
    expect(screen.getByText('Failed to fetch dynamically imported module')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeTruthy();
  });
});
