import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { paths } from '../config/navigation';
import { BucketsPage } from '../routes/buckets-page';
import { CreateJobPage } from '../routes/create-job-page';
import { JobDetailsPage } from '../routes/job-details-page';
import { JobsPage } from '../routes/jobs-page';
import { NotFoundPage } from '../routes/not-found-page';
import { AppErrorPage } from './app-error-page';
import { AppShell, type RouteHandle } from './app-shell';
import { RouteBoundary } from './route-boundary';

export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <AppErrorPage />,
    children: [
      { index: true, element: <Navigate to={paths.jobs} replace /> },
      {
        path: paths.jobs,
        handle: { crumb: { text: 'Batch Operations', href: paths.jobs } } satisfies RouteHandle,
        children: [
          {
            index: true,
            element: (
              <RouteBoundary page="job list">
                <JobsPage />
              </RouteBoundary>
            ),
          },
          {
            path: 'create',
            element: (
              <RouteBoundary page="create job">
                <CreateJobPage />
              </RouteBoundary>
            ),
            handle: { crumb: { text: 'Create job', href: paths.createJob } } satisfies RouteHandle,
          },
          {
            path: 'jobs/:jobId',
            element: (
              <RouteBoundary page="job details">
                <JobDetailsPage />
              </RouteBoundary>
            ),
            handle: {
              crumb: (params) => ({ text: params.jobId ?? 'Job', href: paths.job(params.jobId ?? '') }),
            } satisfies RouteHandle,
          },
        ],
      },
      {
        path: paths.buckets,
        element: (
          <RouteBoundary page="buckets">
            <BucketsPage />
          </RouteBoundary>
        ),
        handle: { crumb: { text: 'Buckets', href: paths.buckets } } satisfies RouteHandle,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
