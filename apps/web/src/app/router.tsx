import { createBrowserRouter, Navigate } from 'react-router';
import { paths } from '../config/navigation';
import { BucketsPage } from '../routes/buckets-page';
import { JobsPage } from '../routes/jobs-page';
import { NotFoundPage } from '../routes/not-found-page';
import { AppShell, type RouteHandle } from './app-shell';

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to={paths.jobs} replace /> },
      {
        path: paths.jobs,
        element: <JobsPage />,
        handle: { crumb: { text: 'Batch Operations', href: paths.jobs } } satisfies RouteHandle,
      },
      {
        path: paths.buckets,
        element: <BucketsPage />,
        handle: { crumb: { text: 'Buckets', href: paths.buckets } } satisfies RouteHandle,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
