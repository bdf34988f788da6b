import { createBrowserRouter, Navigate } from 'react-router';
import { paths } from '../config/navigation';
import { BucketsPage } from '../routes/buckets-page';
import { CreateJobPage } from '../routes/create-job-page';
import { JobDetailsPage } from '../routes/job-details-page';
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
        handle: { crumb: { text: 'Batch Operations', href: paths.jobs } } satisfies RouteHandle,
        children: [
          { index: true, element: <JobsPage /> },
          {
            path: 'create',
            element: <CreateJobPage />,
            handle: { crumb: { text: 'Create job', href: paths.createJob } } satisfies RouteHandle,
          },
          {
            path: 'jobs/:jobId',
            element: <JobDetailsPage />,
            handle: {
              crumb: (params) => ({ text: params.jobId ?? 'Job', href: paths.job(params.jobId ?? '') }),
            } satisfies RouteHandle,
          },
        ],
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
